type Identity = {
    email: string;
    user_hash: string;
} | {
    user_jwt: string;
};
export type DexraChatProps = {
    /** Where Dexra runs: the widget loads from `${appUrl}/widget.js`. */
    appUrl: string;
    /** A publishable key, `pk_live_…` or `pk_test_…`. */
    clientKey: string;
    /** A verified visitor (computed on your server), plus any profile fields. */
    user?: Identity & {
        first_name?: string;
        last_name?: string;
        custom_attributes?: Record<string, unknown>;
    };
};
type DexraApi = ((...args: unknown[]) => void) & {
    q?: unknown[][];
};
declare global {
    interface Window {
        Dexra?: DexraApi;
    }
}
/**
 * The Dexra chat widget as a React component: adds the loader script once (with `data-dexra-key`), queues calls
 * made before it loads (the documented `window.Dexra` stub), identifies the visitor when `user` changes, and
 * forgets them (`reset`) when the component unmounts.
 */
export declare function DexraChat({ appUrl, clientKey, user }: DexraChatProps): null;
export {};
