-- review: who bought what (command side, processor review-purchases): each item of each order with the order's state;
-- a verified buyer has a 'confirmed' row for the item (shipped and delivered orders stay 'confirmed' here).
create table review_purchase (
    order_id   varchar(36)  not null,
    item_type  varchar(10)  not null,
    item_id    varchar(36)  not null,
    buyer_id   varchar(64)  not null,
    status     varchar(10)  not null,
    primary key (order_id, item_type, item_id)
);
create index review_purchase_buyer on review_purchase (buyer_id, item_id, item_type);

-- review: the live reviews as GET /api/v1/products/{productId}/reviews shows them (processor review-read-model);
-- comment opened from the author's sealed field, '[erased]' once the author was erased.
create table review_view (
    id          varchar(36)   primary key,
    product_id  varchar(36)   not null,
    author_id   varchar(64)   not null,
    rating      integer       not null,
    comment     varchar(2000),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);
create index review_view_product on review_view (product_id, created_at desc, id desc);
create index review_view_author on review_view (author_id);
