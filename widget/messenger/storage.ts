// The iframe's own localStorage (the app's origin, never the host page's), one namespace per key.
// Browsers may refuse storage in third-party frames; then the visitor is simply new on every load.
export function createStore(key: string) {
  const ns = `dexra:${key.slice(0, 20)}:`;
  const read = <T>(name: string, fallback: T): T => {
    try {
      const raw = localStorage.getItem(ns + name);
      return raw === null ? fallback : (JSON.parse(raw) as T);
    } catch {
      return fallback;
    }
  };
  const write = (name: string, value: unknown) => {
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
      try {
        for (const name of Object.keys(localStorage)) if (name.startsWith(ns)) localStorage.removeItem(name);
      } catch {
        // nothing stored
      }
    },
  };
}
export type Store = ReturnType<typeof createStore>;
