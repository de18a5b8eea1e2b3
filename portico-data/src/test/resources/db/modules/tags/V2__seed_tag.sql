insert into tag (name) values ('news');
