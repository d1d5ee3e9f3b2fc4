-- Client users and invitations (issue 18, items 2 and 5): a person of a client signs in to the portal.

-- A client user (roles CLIENT, CLIENT_ADMIN) belongs to the client of one account; staff have no client.
alter table app_user add column client_account text references account (code);
alter table app_user add column email text;
create unique index app_user_email on app_user (lower(email)) where email is not null;
create index app_user_client on app_user (client_account) where client_account is not null;

-- The accounts a client user sees: the account the user belongs to and every other account of the same client
-- (the same INN). Every portal query reads through this view, so the scope is in the database query itself.
create view client_scope as
select u.username, a.code as account_code
  from app_user u
  join account home on home.code = u.client_account
  join account a on a.code = home.code or (home.inn is not null and a.inn = home.inn)
 where u.enabled;

-- A client administrator invites a colleague by e-mail: the link carries a random token, stored hashed, valid
-- until expires_at and usable once (accepted_at, username).
create table user_invitation (
    token_hash     text primary key,
    email          text        not null,
    client_account text        not null references account (code),
    role           text        not null check (role in ('CLIENT', 'CLIENT_ADMIN')),
    invited_by     text        not null,
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    accepted_at    timestamptz,
    username       text
);
create index user_invitation_client on user_invitation (client_account, created_at desc);
