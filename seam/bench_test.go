package seam_test

// Benchmarks of the calls users make most, each measured four ways in one
// run so that the ratios between them come from the same machine, server
// and moment:
//
//   - impl=seam: the seam method (client.AccessCodes.Create, …);
//   - impl=api: the generated method through the seam client's transport
//     (client.API().XxxWithResponse);
//   - impl=gen: the generated client alone, on a plain *http.Client;
//   - impl=raw: hand-written net/http + encoding/json into minimal structs,
//     the floor the others are compared with.
//
// make bench runs them with -benchmem -count N and prints, per call, the
// implementations side by side (benchstat -col /impl). The
// server is an in-process httptest server on 127.0.0.1 answering canned
// Seam JSON taken from the captures of the official fake
// (seam/testdata/fake, copies of internal/testdata/fake, so that the tests
// run from a copy of seam/ as vendor-check makes) and the access-code guide
// (seam/testdata).
//
// To add an implementation (a generated service method, say), append a
// benchImpl to the impls of the calls it covers.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// Canned answers of the benchmark server.
const (
	benchAPIKey    = "seam_benchkey_0123456789"
	benchDeviceID  = "august_device_1"
	benchListSize  = 50 // devices in the answer of the list benchmark
	benchPageSize  = 10 // devices per page of the walk
	benchWalkPages = 20 // pages of the walk
)

// benchEnv is what every benchmark call needs: the server, a seam client,
// a bare generated client and a plain HTTP client for the baseline.
type benchEnv struct {
	url  string
	seam *seam.Client
	gen  *gen.ClientWithResponses
	raw  *http.Client
	// conns counts the connections the server accepted.
	conns *atomic.Int64
}

// benchImpl is one way of making a call; run returns an error when the
// answer is not the expected one.
type benchImpl struct {
	name string
	run  func(ctx context.Context, e *benchEnv) error
}

// benchCall is one API call and the ways it is measured.
type benchCall struct {
	name  string
	impls []benchImpl
}

// benchCalls lists the benchmarked calls.
var benchCalls = []benchCall{
	{name: "create", impls: []benchImpl{
		{"seam", seamCreate}, {"api", apiCreate}, {"gen", genCreate}, {"raw", rawCreate},
	}},
	{name: "get", impls: []benchImpl{
		{"seam", seamGet}, {"api", apiGet}, {"gen", genGet}, {"raw", rawGet},
	}},
	{name: "list50", impls: []benchImpl{
		{"seam", seamList}, {"api", apiList}, {"gen", genList}, {"raw", rawList},
	}},
	{name: "walk20", impls: []benchImpl{
		{"seam", seamWalk}, {"api", apiWalk}, {"gen", genWalk}, {"raw", rawWalk},
	}},
	{name: "unlockwait", impls: []benchImpl{
		{"seam", seamUnlock}, {"api", apiUnlock}, {"gen", genUnlock}, {"raw", rawUnlock},
	}},
}

// BenchmarkCall runs every call of benchCalls with every implementation,
// as BenchmarkCall/call=NAME/impl=IMPL (benchstat -col /impl compares them).
// Besides ns/op it reports cpu-ns/op, the CPU time of the whole process
// (client and server) per call, which other processes on a shared machine
// disturb less than wall time.
func BenchmarkCall(b *testing.B) {
	e := newBenchEnv(b)
	ctx := context.Background()
	for _, call := range benchCalls {
		for _, impl := range call.impls {
			b.Run("call="+call.name+"/impl="+impl.name, func(b *testing.B) {
				// One call outside the timer opens the connection and
				// checks the answer.
				if err := impl.run(ctx, e); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.ResetTimer()
				cpu := processCPU()
				for range b.N {
					if err := impl.run(ctx, e); err != nil {
						b.Fatal(err)
					}
				}
				if cpu := processCPU() - cpu; cpu > 0 {
					b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
				}
			})
		}
	}
}

// benchWorkers is the number of goroutines of the concurrent benchmark.
const benchWorkers = 8

// benchLatency is the server latency of BenchmarkLatency.
const benchLatency = 2 * time.Millisecond

// BenchmarkConcurrent makes the get call from benchWorkers goroutines at
// once, sharing one client, as BenchmarkConcurrent/call=get8/impl=IMPL.
// Each round has a server of its own, which counts the connections it
// accepts: new-conns is that count (a pool that keeps the connections of
// every worker opens benchWorkers of them).
func BenchmarkConcurrent(b *testing.B) {
	for _, impl := range benchCalls[1].impls {
		b.Run(fmt.Sprintf("call=get%d/impl=%s", benchWorkers, impl.name), func(b *testing.B) {
			e := newBenchEnv(b)
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			var next atomic.Int64
			errs := make(chan error, benchWorkers)
			for range benchWorkers {
				go func() {
					for next.Add(1) <= int64(b.N) {
						if err := impl.run(ctx, e); err != nil {
							errs <- err
							return
						}
					}
					errs <- nil
				}()
			}
			for range benchWorkers {
				if err := <-errs; err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(e.conns.Load()), "new-conns")
		})
	}
}

// BenchmarkLatency runs every call, seam against raw, on a server that
// waits benchLatency before each answer, as a call over a network does:
// BenchmarkLatency/call=NAME/impl=IMPL. What seam adds to a call should
// then be lost in the round trip.
func BenchmarkLatency(b *testing.B) {
	e := newBenchEnvWith(b, benchLatency)
	ctx := context.Background()
	for _, call := range benchCalls {
		for _, impl := range call.impls {
			if impl.name != "seam" && impl.name != "raw" {
				continue
			}
			b.Run("call="+call.name+"/impl="+impl.name, func(b *testing.B) {
				if err := impl.run(ctx, e); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					if err := impl.run(ctx, e); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestBenchCallsAgree runs each benchmarked call once per implementation, so
// that a broken benchmark fails go test, not only make bench.
func TestBenchCallsAgree(t *testing.T) {
	e := newBenchEnv(t)
	for _, call := range benchCalls {
		for _, impl := range call.impls {
			if err := impl.run(context.Background(), e); err != nil {
				t.Errorf("%s/%s: %v", call.name, impl.name, err)
			}
		}
	}
}

// newBenchEnv starts the benchmark server and the clients.
func newBenchEnv(tb testing.TB) *benchEnv { return newBenchEnvWith(tb, 0) }

// newBenchEnvWith starts a benchmark server that waits latency before each
// answer, and counts the connections it accepts (benchEnv.conns).
func newBenchEnvWith(tb testing.TB, latency time.Duration) *benchEnv {
	tb.Helper()
	h := newBenchHandler(tb)
	if latency > 0 {
		inner := h
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			time.Sleep(latency)
			inner.ServeHTTP(w, r)
		})
	}
	srv := httptest.NewUnstartedServer(h)
	conns := new(atomic.Int64)
	srv.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	tb.Cleanup(srv.Close)
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		tb.Fatalf("server must bind 127.0.0.1, got %s", srv.URL)
	}
	sc, err := seam.New(seam.WithAPIKey(benchAPIKey), seam.WithEndpoint(srv.URL),
		seam.WithActionAttemptPollInterval(time.Nanosecond))
	if err != nil {
		tb.Fatal(err)
	}
	// The baseline and the bare generated client get their own pool each,
	// sized like seam's default one.
	newHTTPClient := func() *http.Client {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = 100
		tb.Cleanup(t.CloseIdleConnections)
		return &http.Client{Transport: t}
	}
	gc, err := gen.NewClientWithResponses(srv.URL, gen.WithHTTPClient(newHTTPClient()),
		gen.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+benchAPIKey)
			return nil
		}))
	if err != nil {
		tb.Fatal(err)
	}
	return &benchEnv{url: srv.URL, seam: sc, gen: gc, raw: newHTTPClient(), conns: conns}
}

// benchFixture reads a canned answer.
func benchFixture(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// benchDevices returns n distinct devices made from the fake's five.
func benchDevices(tb testing.TB, n int) []map[string]any {
	tb.Helper()
	var list struct {
		Devices []map[string]any `json:"devices"`
	}
	if err := json.Unmarshal(benchFixture(tb, "testdata/fake/devices_list.json"), &list); err != nil {
		tb.Fatal(err)
	}
	out := make([]map[string]any, n)
	for i := range out {
		d := map[string]any{}
		for k, v := range list.Devices[i%len(list.Devices)] {
			d[k] = v
		}
		d["device_id"] = fmt.Sprintf("device_%04d", i)
		out[i] = d
	}
	return out
}

// benchPage is the JSON of a /devices/list answer.
func benchPage(tb testing.TB, devices []map[string]any, next string) []byte {
	tb.Helper()
	p := map[string]any{"has_next_page": false, "next_page_cursor": nil, "next_page_url": nil}
	if next != "" {
		p = map[string]any{"has_next_page": true, "next_page_cursor": next,
			"next_page_url": "https://connect.getseam.com/devices/list?page_cursor=" + next}
	}
	data, err := json.Marshal(map[string]any{"devices": devices, "pagination": p, "ok": true})
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// newBenchHandler answers the benchmarked calls with canned JSON: the
// access-code guide's answer to create, the fake's lock for get, 50 devices
// for a list without cursor and pages of 10 devices ("p1" … "p19") for the
// walk, the fake's pending unlock and its successful action attempt.
func newBenchHandler(tb testing.TB) http.Handler {
	tb.Helper()
	create := benchFixture(tb, "testdata/accesscodes/ongoing.response.json")
	device := benchFixture(tb, "testdata/fake/devices_get_lock.json")
	unlock := benchFixture(tb, "testdata/fake/locks_unlock_door.json")
	attempt := benchFixture(tb, "testdata/fake/action_attempt_unlock.json")
	list := benchPage(tb, benchDevices(tb, benchListSize), "")
	pages := map[string][]byte{}
	all := benchDevices(tb, benchPageSize*benchWalkPages)
	for i := range benchWalkPages {
		next := ""
		if i+1 < benchWalkPages {
			next = fmt.Sprintf("p%d", i+1)
		}
		pages[fmt.Sprintf("p%d", i)] = benchPage(tb, all[i*benchPageSize:(i+1)*benchPageSize], next)
	}

	// Every answer has a Content-Length, as the API's JSON answers do
	// (net/http would send the larger ones chunked).
	write := func(w http.ResponseWriter, body []byte) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Header().Set("Seam-Request-Id", "req_bench")
		_, _ = w.Write(body)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /access_codes/create", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		write(w, create)
	})
	mux.HandleFunc("GET /devices/get", func(w http.ResponseWriter, r *http.Request) {
		write(w, device)
	})
	mux.HandleFunc("GET /devices/list", func(w http.ResponseWriter, r *http.Request) {
		cursor := r.URL.Query().Get("page_cursor")
		if r.URL.Query().Get("limit") == "" {
			write(w, list)
			return
		}
		if cursor == "" {
			cursor = "p0"
		}
		page, ok := pages[cursor]
		if !ok {
			http.Error(w, `{"error":{"type":"invalid_input","message":"bad page_cursor"}}`, http.StatusBadRequest)
			return
		}
		write(w, page)
	})
	mux.HandleFunc("POST /locks/unlock_door", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		write(w, unlock)
	})
	mux.HandleFunc("GET /action_attempts/get", func(w http.ResponseWriter, r *http.Request) {
		write(w, attempt)
	})
	return mux
}

// want returns an error when got is not want.
func want[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("%s: got %v, want %v", what, got, want)
	}
	return nil
}

// checkJSON200 returns an error when a generated response has no decoded
// 200 body.
func checkJSON200[T any](json200 *T, res *http.Response) error {
	if json200 == nil {
		return fmt.Errorf("no JSON 200 body (status %d)", res.StatusCode)
	}
	return nil
}

// walkParams are the parameters of every page of the walk.
func walkParams() gen.DevicesListGetParams {
	limit := float64(benchPageSize)
	return gen.DevicesListGetParams{Limit: &limit}
}

// --- create access code ---

func seamCreate(ctx context.Context, e *benchEnv) error {
	code, err := e.seam.AccessCodes.Create(ctx, benchDeviceID, seam.WithCodeName("my ongoing code"), seam.WithCode("1234"))
	if err != nil {
		return err
	}
	return want("code", code.Code.MustGet(), "1234")
}

func genCreateBody() gen.AccessCodesCreateRequestBody {
	name, code := "my ongoing code", "1234"
	return gen.AccessCodesCreateRequestBody{DeviceId: benchDeviceID, Name: &name, Code: &code}
}

func apiCreate(ctx context.Context, e *benchEnv) error {
	res, err := e.seam.API().AccessCodesCreatePostWithResponse(ctx, genCreateBody())
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	return want("code", res.JSON200.AccessCode.Code.MustGet(), "1234")
}

func genCreate(ctx context.Context, e *benchEnv) error {
	res, err := e.gen.AccessCodesCreatePostWithResponse(ctx, genCreateBody())
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	return want("code", res.JSON200.AccessCode.Code.MustGet(), "1234")
}

// rawAccessCode is the baseline's access code: the fields a caller reads.
type rawAccessCode struct {
	AccessCodeID string `json:"access_code_id"`
	DeviceID     string `json:"device_id"`
	Name         string `json:"name"`
	Code         string `json:"code"`
	Status       string `json:"status"`
	Type         string `json:"type"`
}

// rawActionAttempt is the baseline's action attempt.
type rawActionAttempt struct {
	ActionAttemptID string `json:"action_attempt_id"`
	ActionType      string `json:"action_type"`
	Status          string `json:"status"`
}

func rawCreate(ctx context.Context, e *benchEnv) error {
	var out struct {
		AccessCode    rawAccessCode    `json:"access_code"`
		ActionAttempt rawActionAttempt `json:"action_attempt"`
	}
	in := struct {
		DeviceID string `json:"device_id"`
		Name     string `json:"name"`
		Code     string `json:"code"`
	}{benchDeviceID, "my ongoing code", "1234"}
	if err := rawDo(ctx, e, http.MethodPost, "/access_codes/create", in, &out); err != nil {
		return err
	}
	return want("code", out.AccessCode.Code, "1234")
}

// rawDo is the baseline's request: JSON in, JSON out, an error for a
// status other than 200.
func rawDo(ctx context.Context, e *benchEnv, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		data, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, e.url+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+benchAPIKey)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := e.raw.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: status %d", method, path, res.StatusCode)
	}
	return json.Unmarshal(data, out)
}

// --- get device ---

func seamGet(ctx context.Context, e *benchEnv) error {
	d, err := e.seam.Devices.Get(ctx, benchDeviceID)
	if err != nil {
		return err
	}
	return want("device_id", d.DeviceId, benchDeviceID)
}

func apiGet(ctx context.Context, e *benchEnv) error {
	id := benchDeviceID
	res, err := e.seam.API().DevicesGetGetWithResponse(ctx, &gen.DevicesGetGetParams{DeviceId: &id})
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	return want("device_id", res.JSON200.Device.DeviceId, benchDeviceID)
}

func genGet(ctx context.Context, e *benchEnv) error {
	id := benchDeviceID
	res, err := e.gen.DevicesGetGetWithResponse(ctx, &gen.DevicesGetGetParams{DeviceId: &id})
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	return want("device_id", res.JSON200.Device.DeviceId, benchDeviceID)
}

// rawDevice is the baseline's device: the fields a caller reads.
type rawDevice struct {
	DeviceID     string   `json:"device_id"`
	DeviceType   string   `json:"device_type"`
	DisplayName  string   `json:"display_name"`
	Capabilities []string `json:"capabilities_supported"`
	Properties   struct {
		Name         string `json:"name"`
		Online       bool   `json:"online"`
		Locked       bool   `json:"locked"`
		Manufacturer string `json:"manufacturer"`
	} `json:"properties"`
}

func rawGet(ctx context.Context, e *benchEnv) error {
	var out struct {
		Device rawDevice `json:"device"`
	}
	if err := rawDo(ctx, e, http.MethodGet, "/devices/get?device_id="+benchDeviceID, nil, &out); err != nil {
		return err
	}
	return want("device_id", out.Device.DeviceID, benchDeviceID)
}

// --- list 50 devices ---

func seamList(ctx context.Context, e *benchEnv) error {
	page, err := e.seam.Devices.List(ctx, nil)
	if err != nil {
		return err
	}
	return want("devices", len(page.Items), benchListSize)
}

func apiList(ctx context.Context, e *benchEnv) error {
	res, err := e.seam.API().DevicesListGetWithResponse(ctx, &gen.DevicesListGetParams{})
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	return want("devices", len(res.JSON200.Devices), benchListSize)
}

func genList(ctx context.Context, e *benchEnv) error {
	res, err := e.gen.DevicesListGetWithResponse(ctx, &gen.DevicesListGetParams{})
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	return want("devices", len(res.JSON200.Devices), benchListSize)
}

// rawPage is the baseline's /devices/list answer.
type rawPage struct {
	Devices    []rawDevice `json:"devices"`
	Pagination struct {
		HasNextPage    bool    `json:"has_next_page"`
		NextPageCursor *string `json:"next_page_cursor"`
	} `json:"pagination"`
}

func rawList(ctx context.Context, e *benchEnv) error {
	var out rawPage
	if err := rawDo(ctx, e, http.MethodGet, "/devices/list", nil, &out); err != nil {
		return err
	}
	return want("devices", len(out.Devices), benchListSize)
}

// --- walk 20 pages ---

func seamWalk(ctx context.Context, e *benchEnv) error {
	p := walkParams()
	n := 0
	for d, err := range e.seam.Devices.All(ctx, &p) {
		if err != nil {
			return err
		}
		if d.DeviceId == "" {
			return fmt.Errorf("device %d has no id", n)
		}
		n++
	}
	return want("devices", n, benchPageSize*benchWalkPages)
}

// genWalkWith walks the pages with a generated client.
func genWalkWith(ctx context.Context, c *gen.ClientWithResponses) error {
	p := walkParams()
	n := 0
	for {
		res, err := c.DevicesListGetWithResponse(ctx, &p)
		if err != nil {
			return err
		}
		if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
			return err
		}
		n += len(res.JSON200.Devices)
		pg := res.JSON200.Pagination
		next, err := pg.NextPageCursor.Get()
		if !pg.HasNextPage || err != nil {
			break
		}
		p.PageCursor = &next
	}
	return want("devices", n, benchPageSize*benchWalkPages)
}

func apiWalk(ctx context.Context, e *benchEnv) error { return genWalkWith(ctx, e.seam.API()) }

func genWalk(ctx context.Context, e *benchEnv) error { return genWalkWith(ctx, e.gen) }

func rawWalk(ctx context.Context, e *benchEnv) error {
	n, cursor := 0, ""
	for {
		path := fmt.Sprintf("/devices/list?limit=%d", benchPageSize)
		if cursor != "" {
			path += "&page_cursor=" + cursor
		}
		var out rawPage
		if err := rawDo(ctx, e, http.MethodGet, path, nil, &out); err != nil {
			return err
		}
		n += len(out.Devices)
		if !out.Pagination.HasNextPage || out.Pagination.NextPageCursor == nil {
			break
		}
		cursor = *out.Pagination.NextPageCursor
	}
	return want("devices", n, benchPageSize*benchWalkPages)
}

// --- unlock and wait for the action attempt ---

func seamUnlock(ctx context.Context, e *benchEnv) error {
	a, err := e.seam.Locks.UnlockDoor(ctx, benchDeviceID)
	if err != nil {
		return err
	}
	s, err := seam.SummarizeActionAttempt(a)
	if err != nil {
		return err
	}
	return want("status", s.Status, seam.ActionAttemptSuccess)
}

// genUnlockWith unlocks then polls the action attempt with a generated
// client until it is no longer pending, reading its status as seam does.
func genUnlockWith(ctx context.Context, c *gen.ClientWithResponses) error {
	res, err := c.LocksUnlockDoorPostWithResponse(ctx, gen.LocksUnlockDoorRequestBody{DeviceId: benchDeviceID})
	if err != nil {
		return err
	}
	if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
		return err
	}
	s, err := seam.SummarizeActionAttempt(&res.JSON200.ActionAttempt)
	if err != nil {
		return err
	}
	for s.Status == seam.ActionAttemptPending {
		res, err := c.ActionAttemptsGetGetWithResponse(ctx, &gen.ActionAttemptsGetGetParams{ActionAttemptId: s.ID})
		if err != nil {
			return err
		}
		if err := checkJSON200(res.JSON200, res.HTTPResponse); err != nil {
			return err
		}
		if s, err = seam.SummarizeActionAttempt(&res.JSON200.ActionAttempt); err != nil {
			return err
		}
	}
	return want("status", s.Status, seam.ActionAttemptSuccess)
}

func apiUnlock(ctx context.Context, e *benchEnv) error { return genUnlockWith(ctx, e.seam.API()) }

func genUnlock(ctx context.Context, e *benchEnv) error { return genUnlockWith(ctx, e.gen) }

func rawUnlock(ctx context.Context, e *benchEnv) error {
	var out struct {
		ActionAttempt rawActionAttempt `json:"action_attempt"`
	}
	in := struct {
		DeviceID string `json:"device_id"`
	}{benchDeviceID}
	if err := rawDo(ctx, e, http.MethodPost, "/locks/unlock_door", in, &out); err != nil {
		return err
	}
	for out.ActionAttempt.Status == seam.ActionAttemptPending {
		id := out.ActionAttempt.ActionAttemptID
		if err := rawDo(ctx, e, http.MethodGet, "/action_attempts/get?action_attempt_id="+id, nil, &out); err != nil {
			return err
		}
	}
	return want("status", out.ActionAttempt.Status, seam.ActionAttemptSuccess)
}
