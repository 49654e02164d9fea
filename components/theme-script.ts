// Deliberately not a "use client" module: the root layout (a server component) puts themeScript into <head>.
// Imported from a client module, a plain value reaches the browser as a client reference that must load that
// module's chunk first; when the chunk came late, the <head> suspended mid-hydration and React (react/react#37551)
// resumed <body> at the wrong node: #418 on random page loads (issue 11).

export type Theme = "light" | "dark" | "system";
export const THEME_STORAGE_KEY = "dexra:theme";

/** Runs before paint (inlined in <head>) so a dark theme never flashes light. */
export const themeScript = `try{var t=localStorage.getItem("${THEME_STORAGE_KEY}")||"system";if(t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;
