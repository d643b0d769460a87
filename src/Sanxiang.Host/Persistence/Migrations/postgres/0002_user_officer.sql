-- auth 0002: a user's link to the Registry officer they are (postgres). Column as --print-schema gives it.
ALTER TABLE auth_users ADD "OfficerId" uuid;
