-- Reports (issue 19): the salesperson who looks after an account (a username of a SALES user). A salesperson's
-- reports cover these accounts only; an account without one is seen by finance, tariff managers and admins.
alter table account add column sales_manager text;
create index account_sales_manager on account (sales_manager) where sales_manager is not null;
