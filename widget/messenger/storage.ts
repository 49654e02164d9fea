// The iframe's own localStorage (the app's origin, never the host page's), one namespace per key.
// Browsers that block third-party site data (Chromium with third-party cookies blocked, Safari) refuse it:
// then everything lives in memory and the anonymous visitor is new on every page load.
export function createStore(key: string) {
  const ns = `dexra:${key.slice(0, 20)}:`;
  const memory = new Map<string, string>();
  const read = <T>(name: string, fallback: T): T => {
    let raw: string | null | undefined = memory.get(name);
    try {
      raw = localStorage.getItem(ns + name) ?? raw;
    } catch {
      // storage refused: memory only
    }
    return raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T);
  };
  const write = (name: string, value: unknown) => {
    if (value === null) memory.delete(name);
    else memory.set(name, JSON.stringify(value));
    try {
      if (value === null) localStorage.removeItem(ns + name);
      else localStorage.setItem(ns + name, JSON.stringify(value));
    } catch {
      // storage unavailable: keep going in memory only
    }
  };
  return {
    token: () => read<string | null>("token", null),
    setToken: (token: string | null) => write("token", token),
    lastRead: () => read<Record<string, string>>("last-read", {}),
    setLastRead: (map: Record<string, string>) => write("last-read", map),
    rated: () => read<string[]>("rated", []),
    setRated: (ids: string[]) => write("rated", ids),
    clear() {
      memory.clear();
      try {
        for (const name of Object.keys(localStorage)) if (name.startsWith(ns)) localStorage.removeItem(name);
      } catch {
        // nothing stored
      }
    },
  };
}
export type Store = ReturnType<typeof createStore>;
