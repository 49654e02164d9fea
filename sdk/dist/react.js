import { useEffect } from "react";
const SCRIPT_ID = "dexra-widget-loader";
/**
 * The Dexra chat widget as a React component: adds the loader script once (with `data-dexra-key`), queues calls
 * made before it loads (the documented `window.Dexra` stub), identifies the visitor when `user` changes, and
 * forgets them (`reset`) when the component unmounts.
 */
export function DexraChat({ appUrl, clientKey, user }) {
    useEffect(() => {
        const w = window;
        w.Dexra = w.Dexra || Object.assign((...args) => (w.Dexra.q = w.Dexra.q || []).push(args), {});
        if (document.getElementById(SCRIPT_ID))
            return;
        const script = document.createElement("script");
        script.id = SCRIPT_ID;
        script.src = `${appUrl.replace(/\/$/, "")}/widget.js`;
        script.async = true;
        script.dataset.dexraKey = clientKey;
        document.body.appendChild(script);
    }, [appUrl, clientKey]);
    const identity = user ? JSON.stringify(user) : null;
    useEffect(() => {
        if (!identity)
            return;
        window.Dexra?.("identify", JSON.parse(identity));
        return () => window.Dexra?.("reset");
    }, [identity]);
    return null;
}
