-- Posts responses as a browser does: a page load gives an antiforgery cookie, its token and a form token, and the
-- next request of the thread posts the form with them; the forms of a thread's page loads wait in a list, so posts
-- and page loads alternate. Only the posts are counted.
local exercise = os.getenv("BENCH_POST_EXERCISE") or "42"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  posted, refused, pages = 0, 0, 0
  forms = {}
  n = 0
  -- In the last second only pages are loaded, so that no post is still on its way when wrk stops and every
  -- accepted post can be matched against the database.
  deadline = os.time() + tonumber(os.getenv("BENCH_SECONDS") or "10") - 1
end

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  if #forms > 0 and os.time() < deadline then
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

function response(status, headers, body)
  if status == 303 then
    posted = posted + 1
    return
  end
  if status == 200 and body then
    pages = pages + 1
    local token = body:match('name="__RequestVerificationToken" value="([^"]+)"')
    local formToken = body:match('name="Form.FormToken" value="([^"]+)"')
    local cookie = headers["Set-Cookie"] and headers["Set-Cookie"]:match("(%.AspNetCore%.Antiforgery[^=]*=[^;]+)")
    if token and formToken and cookie then
      table.insert(forms, { token = token, formToken = formToken, cookie = cookie })
    end
    return
  end
  refused = refused + 1
end

function done(summary, latency, requests)
  local total_posted, total_refused, total_pages = 0, 0, 0
  for _, thread in ipairs(threads) do
    total_posted = total_posted + thread:get("posted")
    total_refused = total_refused + thread:get("refused")
    total_pages = total_pages + thread:get("pages")
  end
  io.write(string.format("POSTED %d\nREFUSED %d\nPAGES %d\nSECONDS %.3f\n", total_posted, total_refused, total_pages, summary.duration / 1e6))
end
