import { scriptResponse } from "@/lib/widget/assets";

// Sites embed this URL as is, so it cannot be fingerprinted: an hour of caching, a day of stale-while-revalidate,
// and an ETag so a revalidation costs a 304.
export const GET = (request: Request) => scriptResponse(request, "loader.js", "public, max-age=3600, stale-while-revalidate=86400");
