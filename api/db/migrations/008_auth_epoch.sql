-- A counter that moves whenever anything deciding whether a session is valid changes: a session,
-- a user (role, disabled, access expiry) or a user's municipalities, by any connection or process
-- (the CLI, an operator's sqlite3). The server keeps validated sessions in memory and reads only
-- this row per request; a different number empties that cache (api/auth/session-cache.ts).
CREATE TABLE auth_epoch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n INTEGER NOT NULL
) STRICT;
INSERT INTO auth_epoch (id, n) VALUES (1, 0);

CREATE TRIGGER session_epoch_insert AFTER INSERT ON session BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER session_epoch_update AFTER UPDATE ON session BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER session_epoch_delete AFTER DELETE ON session BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER app_user_epoch_insert AFTER INSERT ON app_user BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER app_user_epoch_update AFTER UPDATE ON app_user BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER app_user_epoch_delete AFTER DELETE ON app_user BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_kov_epoch_insert AFTER INSERT ON user_kov BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_kov_epoch_update AFTER UPDATE ON user_kov BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER user_kov_epoch_delete AFTER DELETE ON user_kov BEGIN UPDATE auth_epoch SET n = n + 1 WHERE id = 1; END;
