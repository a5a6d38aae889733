-- The CSRF token is no longer stored: only its hash (ADR 0005), the token being derived from the
-- session token (an HMAC keyed with it, ADR 0024). Sessions opened before carry a random token
-- that cannot be derived again, so they are ended: their holders sign in once more.
update sessions set revoked_at = now() where revoked_at is null;
alter table sessions drop column csrf_token;
