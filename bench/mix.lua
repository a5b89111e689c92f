-- bench/mix.lua - the mixed workload of bench/api.sh (issue 13), for wrk:
-- 80 % reads (dashboard, case, timeline, assessment: 20 % each) and 20 %
-- appends of a contact entry, over MIX_CASES cases B-00000... chosen at
-- random, as one casemanager's session (COOKIE, CSRF from the
-- environment). Non-2xx answers are counted by wrk ("Non-2xx").
local cookie = "spoor_sessie=" .. os.getenv("COOKIE")
local csrf = os.getenv("CSRF")
local n = tonumber(os.getenv("MIX_CASES") or "200")
local body = '{"soort":"contact","datum":"2026-05-04","tekst":"Gebeld over de voortgang; volgende week weer."}'
local lees = {"", "/tijdlijn?peildatum=2026-06-01", "/toets?peildatum=2026-06-01"}
local seed = 0

function setup(thread)
	seed = seed + 1
	thread:set("seed", seed)
end

function init(args)
	math.randomseed(os.time() * 100 + (seed or 0))
end

function request()
	local r = math.random(100)
	local c = string.format("/api/v1/dossiers/B-%05d", math.random(0, n - 1))
	if r <= 20 then
		return wrk.format("POST", c .. "/gebeurtenissen",
			{["Cookie"] = cookie, ["X-CSRF-Token"] = csrf,
			 ["Content-Type"] = "application/json"}, body)
	elseif r <= 40 then
		return wrk.format("GET", "/api/v1/dossiers", {["Cookie"] = cookie})
	end
	return wrk.format("GET", c .. lees[(r % 3) + 1], {["Cookie"] = cookie})
end
