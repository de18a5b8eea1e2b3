insert into note (title) values ('first');
