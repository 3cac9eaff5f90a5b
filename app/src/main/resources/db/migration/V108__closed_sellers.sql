-- The closed-sellers processor's own ledger (command side): which products and courses each seller (a product's
-- vendor, a course's instructor) offers, and which sellers' accounts closed (deactivated or erased), so that a closed
-- account's offers leave the catalog: its products unlisted, its courses archived (students keep their access). Ids
-- only: nothing personal.
create table seller_offer (
    seller_id varchar(64) not null,
    item_type varchar(16) not null,
    item_id   varchar(64) not null,
    primary key (seller_id, item_type, item_id)
);

create table closed_seller (
    seller_id varchar(64) primary key,
    closed_at timestamptz not null
);
