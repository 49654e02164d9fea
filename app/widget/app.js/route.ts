import { scriptResponse } from "@/lib/widget/assets";

// The messenger page asks for this with ?v=<content hash>: a new build is a new URL, so it can be cached for good.
export const GET = (request: Request) => scriptResponse(request, "messenger.js", "public, max-age=31536000, immutable");
