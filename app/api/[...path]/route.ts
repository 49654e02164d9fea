import { notFoundRoute } from "@/lib/api/api-route";

// Any path no other route matches: a JSON 404 for every method instead of Next's HTML not-found page.
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = notFoundRoute;
