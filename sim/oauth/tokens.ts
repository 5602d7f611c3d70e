/**
 * The auth store: access tokens (bound to user, client and region; expiry, revocation, idle timeout),
 * one-time authorization codes, login sessions and the identity provider's one-time SSO tickets. The owner of every token record.
 */
import { secret } from '../ids';

export interface TokenRecord {
  token: string;
  userId: string;
  clientId: string;
  /** Region the token was issued in (`mypurecloud.ie`, or `local`). Tokens only work there. */
  domain: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** Last authenticated REST call (the HIPAA idle timeout counts from here; sockets do not count). */
  lastUsed: number;
}

export interface CodeRecord {
  code: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  userId: string;
  domain: string;
  expiresAt: number;
}

/** A silent authorize waiting for the identity provider's form post (`sso`): what the code will be for. */
export interface SsoTicket {
  id: string;
  userId: string;
  domain: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  state: string | null;
  expiresAt: number;
}

export interface SessionRecord {
  id: string;
  userId: string;
  domain: string;
}

/** Tokens, authorization codes and login sessions. */
export class AuthStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly ssoTickets = new Map<string, SsoTicket>();
  issued = 0;

  constructor(private readonly now: () => number) {}

  issueToken(userId: string, clientId: string, domain: string, lifetimeSec: number): TokenRecord {
    const t = this.now();
    const rec: TokenRecord = {
      token: secret(48),
      userId,
      clientId,
      domain,
      issuedAt: t,
      expiresAt: t + lifetimeSec * 1000,
      revoked: false,
      lastUsed: t,
    };
    this.tokens.set(rec.token, rec);
    this.issued++;
    return rec;
  }

  token(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  tokensOf(userId?: string): TokenRecord[] {
    return [...this.tokens.values()].filter((t) => userId === undefined || t.userId === userId);
  }

  isExpired(rec: TokenRecord): boolean {
    return this.now() >= rec.expiresAt;
  }

  /** Unused for `idleSec` (the HIPAA idle timeout; 0 = none). */
  isIdle(rec: TokenRecord, idleSec: number): boolean {
    return idleSec > 0 && this.now() - rec.lastUsed >= idleSec * 1000;
  }

  /** The token no longer works: unknown, revoked, expired or idled out. */
  isDead(token: string, idleSec: number): boolean {
    const rec = this.tokens.get(token);
    return !rec || rec.revoked || this.isExpired(rec) || this.isIdle(rec, idleSec);
  }

  issueCode(c: Omit<CodeRecord, 'code'>): CodeRecord {
    const rec: CodeRecord = { ...c, code: secret(24) };
    this.codes.set(rec.code, rec);
    return rec;
  }

  /** One-time: the code is consumed by the first redemption attempt, whatever its outcome. */
  takeCode(code: string): CodeRecord | undefined {
    const rec = this.codes.get(code);
    if (rec) this.codes.delete(code);
    return rec;
  }

  issueSsoTicket(t: Omit<SsoTicket, 'id'>): SsoTicket {
    const rec: SsoTicket = { ...t, id: secret(24) };
    this.ssoTickets.set(rec.id, rec);
    return rec;
  }

  /** One-time, like codes; undefined when unknown, used or expired. */
  takeSsoTicket(id: string): SsoTicket | undefined {
    const rec = this.ssoTickets.get(id);
    this.ssoTickets.delete(id);
    return rec && this.now() < rec.expiresAt ? rec : undefined;
  }

  createSession(userId: string, domain: string): SessionRecord {
    const rec: SessionRecord = { id: secret(24), userId, domain };
    this.sessions.set(rec.id, rec);
    return rec;
  }

  session(id: string | undefined): SessionRecord | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  endSession(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }

  endSessionsOf(userId?: string): void {
    for (const [id, s] of this.sessions)
      if (userId === undefined || s.userId === userId) this.sessions.delete(id);
  }
}
