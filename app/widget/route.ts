import { messengerPageResponse } from "@/lib/widget/messenger-page";

export const dynamic = "force-dynamic";

export const GET = (request: Request) => messengerPageResponse(request);
