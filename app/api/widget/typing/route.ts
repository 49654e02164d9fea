import { refuseOtherMethods } from "@/lib/api/api-route";
import { withApiKey } from "@/lib/api/with-api-key";
import { widgetTypingSchema } from "@/lib/widget/schemas";
import { publishVisitorTyping } from "@/lib/widget/typing";

export const POST = withApiKey(
  async ({ ctx, body }) => {
    const input = widgetTypingSchema.parse(body);
    await publishVisitorTyping(ctx, input.conversation_id, input.typing);
    return new Response(null, { status: 204 });
  },
  { keys: ["client"] },
);

// Other methods: a JSON 405 with Allow, never Next's empty one.
export const { GET, HEAD, PUT, PATCH, DELETE } = refuseOtherMethods("POST");
