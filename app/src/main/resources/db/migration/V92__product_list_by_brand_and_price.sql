-- A brand's listed products in price order (GET /products?brand=…&sort=price|-price): one index range, read in order,
-- instead of every product of the brand sorted for each page. It also serves a brand filter alone.
create index product_view_brand_price on product_view (lower(brand), price_cents, id) where active;
drop index product_view_brand;
