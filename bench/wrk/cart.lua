-- Cart writes: each connection is one user (run with as many threads as connections: wrk -t N -c N, so a thread's
-- Lua state is its connection's). $STOA_WRK_DATA/conn-<thread id>.txt holds the user's access token;
-- products.txt the ids of products in stock. The connection clears its cart once, then loops
-- add a random product (POST /cart/items, quantity 1) -> raise it (PATCH /cart/items/{id}, quantity 3) -> remove it
-- (DELETE /cart/items/{id}). The step advances in response(), so wrk's first trial call of request() changes nothing.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "common.lua")

local token, products, product
local step = "clear"

function init(args)
  seed_random()
  token = read_lines("conn-" .. id .. ".txt")[1]
  products = read_lines("products.txt")
  product = products[math.random(#products)]
end

function request()
  if step == "clear" then
    return cart_clear(token)
  elseif step == "add" then
    return cart_add(token, product)
  elseif step == "change" then
    return wrk.format("PATCH", "/api/v1/cart/items/" .. product, api_headers(token), '{"quantity":3}')
  else
    return wrk.format("DELETE", "/api/v1/cart/items/" .. product, api_headers(token))
  end
end

function response(status, headers, body)
  tally(status)
  local ok = status >= 200 and status < 300
  if not ok then count("failed_" .. step) end
  if step == "clear" then
    step = "add"
  elseif step == "add" then
    step = ok and "change" or "clear"
  elseif step == "change" then
    step = "remove"
  else
    step = ok and "add" or "clear"
  end
  if step == "add" or step == "clear" then product = products[math.random(#products)] end
end
