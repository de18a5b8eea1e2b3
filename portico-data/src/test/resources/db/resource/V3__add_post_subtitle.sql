-- A column that may be empty, for the PATCH that clears it with null (Omittable).
ALTER TABLE posts ADD COLUMN subtitle VARCHAR(200);
