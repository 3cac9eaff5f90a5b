-- Checkout: each connection is one funded buyer with a default address (wrk -t N -c N: one connection per thread).
-- $STOA_WRK_DATA/conn-<thread id>.txt holds the buyer's access token, products.txt ids of products in stock.
-- Per connection: clear the cart once, then loop: POST /cart/items (one random product) -> POST /orders
-- {paymentMethod: wallet} with a fresh Idempotency-Key (the same key again only if wrk re-sends after a socket
-- error). A refused order clears the cart before the next round. Counters: orders_placed, orders_refused (and
-- orders_refused:<problem code>, cart_refused:<problem code>, to tell why).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local token, products, product, key
local step, serial = "clear", 0
local run = tostring(os.time())

local function next_round()
  product = products[math.random(#products)]
  serial = serial + 1
  key = string.format("bench-%s-%d-%d-%d", run, id, serial, math.random(1000000000))
end

function init(args)
  seed_random()
  token = read_lines("conn-" .. id .. ".txt")[1]
  products = read_lines("products.txt")
  next_round()
end

function request()
  if step == "clear" then
    return cart_clear(token)
  elseif step == "add" then
    return cart_add(token, product)
  end
  local h = api_headers(token)
  h["Idempotency-Key"] = key
  return wrk.format("POST", "/api/v1/orders", h, '{"paymentMethod":"wallet"}')
end

function response(status, headers, body)
  tally(status)
  local ok = status >= 200 and status < 300
  if step == "clear" then
    step = "add"
  elseif step == "add" then
    if ok then step = "order" else count_refusal("cart_refused", body); next_round() end
  else
    if status == 201 then count("orders_placed"); step = "add" else count_refusal("orders_refused", body); step = "clear" end
    next_round()
  end
end
