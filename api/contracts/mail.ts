// What GET /api/mail/outbox answers with: the mail no SMTP server has accepted yet. Plain zod only.
import { z } from 'zod';

export const MAIL_KINDS = ['invitation', 'password_reset', 'template_review', 'template_decision', 'reminder', 'weekly_digest'] as const;

export const UnsentMailSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(MAIL_KINDS),
    to: z.string().meta({ example: 'mari@vald.ee' }),
    subject: z.string(),
    createdAt: z.string().meta({ description: 'ISO time the mail was queued' }),
    attempts: z.number().int().meta({ description: 'Delivery attempts so far' }),
    nextAttemptAt: z.string().meta({ description: 'ISO time of the next attempt (when a sender runs)' }),
    lastError: z.string().nullable().meta({ description: "The SMTP server's or the network's last refusal" }),
    text: z
      .string()
      .nullable()
      .meta({ description: 'The plain-text body, only while no SMTP server is configured outside production, so an admin can pass a link on; null otherwise' }),
  })
  .meta({ id: 'UnsentMail' });
export type UnsentMail = z.infer<typeof UnsentMailSchema>;

export const OutboxSchema = z
  .object({
    smtpConfigured: z.boolean().meta({ description: 'Whether SMTP_URL is set (without it mail stays here)' }),
    showsBodies: z.boolean().meta({ description: 'Whether `text` is given (no SMTP, not production)' }),
    mails: z.array(UnsentMailSchema),
  })
  .meta({ id: 'Outbox' });
export type Outbox = z.infer<typeof OutboxSchema>;
