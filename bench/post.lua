-- Posts responses as a browser does: a page load gives an antiforgery cookie, its token and a form token, and the
-- next request of the thread posts the form with them; the forms of a thread's page loads wait in a list, so posts
-- and page loads alternate. Only the posts are counted.
local exercise = os.getenv("BENCH_POST_EXERCISE") or "42"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function uptime()
  local file = io.open("/proc/uptime")
  local seconds = tonumber(file:read("*n"))
  file:close()
  return seconds
end

function init(args)
  posted, refused, pages = 0, 0, 0
  forms = {}
  n = 0
  -- In the last second only pages are loaded, so that no post is still on its way when wrk stops and every
  -- accepted post can be matched against the database.
  deadline = os.time() + tonumber(os.getenv("BENCH_SECONDS") or "10") - 1
  -- os.time() counts whole seconds, so the posting window is measured on the system's clock (to a hundredth of a
  -- second) from here to the first request after the deadline: the rate is the posts over that window.
  started, stopped = uptime(), nil
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  if not stopped and os.time() >= deadline then
    stopped = uptime()
  end
  if #forms > 0 and not stopped then
    local form = table.remove(forms)
    n = n + 1
    local body = "__RequestVerificationToken=" .. urlencode(form.token)
      .. "&Form.FormToken=" .. urlencode(form.formToken)
      .. "&Form.DisplayName=" .. urlencode("Benchmark Librarian " .. n)
      .. "&Form.Organisation=" .. urlencode("Bibliothèque municipale")
      .. "&Form.Country=FR&Form.DidExercise=true"
      .. "&Form.Text=" .. urlencode("We tried the exercise with our reading group and mapped three new partners: the school, the museum and the archive. Next month we meet again. (" .. n .. ")")
    return wrk.format("POST", "/exercises/" .. exercise .. "/responses", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Cookie"] = form.cookie,
    }, body)
  end
  return wrk.format("GET", "/exercises/" .. exercise)
end

-- The value that follows the marker, found by a plain search: a pattern tried at every position of a 40 KB page
-- costs the client more than the server spends on the page, and the client shares the server's machine.
local function field(body, marker)
  local _, last = body:find(marker, 1, true)
  if not last then return nil end
  local stop = body:find('"', last + 1, true)
  return stop and body:sub(last + 1, stop - 1) or nil
end

function response(status, headers, body)
  if status == 303 then
    posted = posted + 1
    return
  end
  if status == 200 and body then
    pages = pages + 1
    local token = field(body, 'name="__RequestVerificationToken" value="')
    local formToken = field(body, 'name="Form.FormToken" value="')
    local cookie = headers["Set-Cookie"] and headers["Set-Cookie"]:match("(%.AspNetCore%.Antiforgery[^=]*=[^;]+)")
    if token and formToken and cookie then
      table.insert(forms, { token = token, formToken = formToken, cookie = cookie })
    end
    return
  end
  refused = refused + 1
end

function done(summary, latency, requests)
  local total_posted, total_refused, total_pages, window = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    total_posted = total_posted + thread:get("posted")
    total_refused = total_refused + thread:get("refused")
    total_pages = total_pages + thread:get("pages")
    window = math.max(window, (thread:get("stopped") or 0) - thread:get("started"))
  end
  -- SECONDS: the whole run; POSTING_SECONDS: the part of it in which posts were sent.
  io.write(string.format("POSTED %d\nREFUSED %d\nPAGES %d\nSECONDS %.3f\nPOSTING_SECONDS %.2f\n",
    total_posted, total_refused, total_pages, summary.duration / 1e6, window))
end
