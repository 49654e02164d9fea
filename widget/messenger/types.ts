export type PreChatField = { key: string; label: string; type: "text" | "email"; required: boolean };

/** Rendered by the server into the page: the look, the rules and the host origin it verified. */
export type PageConfig = {
  key: string;
  hostOrigin: string;
  color: string;
  greeting: string;
  pre_chat_fields: PreChatField[];
  availability: { open: boolean; message: string };
  sandbox: boolean;
};

export type Conversation = {
  id: string;
  number: number;
  subject: string;
  status: string;
  created_at: string;
  updated_at: string;
  assignee: { name: string } | null;
};

export type Message = {
  id: string;
  body: string;
  direction: "inbound" | "outbound";
  sender_type: "user" | "agent";
  created_at: string;
  attachments?: Attachment[];
  buttons?: QuickReply[];
};

/** A file of a message; `url` is a signed, expiring download link on the app's own origin. */
export type Attachment = { id: string; filename: string; content_type: string; size: number; url: string };
export type QuickReply = { label: string; value: string };

export type Visitor = { id: string; first_name: string | null; last_name: string | null; email: string | null; verified: boolean };
export type Profile = { email?: string; first_name?: string; last_name?: string; custom_attributes?: Record<string, unknown> };
