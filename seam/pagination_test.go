package seam_test

import (
	"iter"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// devicePages serves GET /devices/list in pages chosen by page_cursor:
// pages[cursor] lists the page's device ids and next its cursor.
func devicePages(s *stub, pages map[string][]string, next map[string]string) {
	s.handle("GET /devices/list", func(r *stubRequest) (int, any) {
		cursor := r.Query.Get("page_cursor")
		ids, ok := pages[cursor]
		if !ok {
			return http.StatusBadRequest, seamError("invalid_input", "bad page_cursor")
		}
		devices := make([]any, len(ids))
		for i, id := range ids {
			devices[i] = device(id)
		}
		return http.StatusOK, map[string]any{"devices": devices, "pagination": pagination(next[cursor]), "ok": true}
	})
}

// threePages is d1…d5 over three pages.
func threePages(s *stub) {
	devicePages(s,
		map[string][]string{"": {"d1", "d2"}, "c2": {"d3", "d4"}, "c3": {"d5"}},
		map[string]string{"": "c2", "c2": "c3"})
}

// cursorsSent lists the page_cursor of each /devices/list request ("" for
// none) and checks that every page kept the other parameters.
func cursorsSent(t *testing.T, s *stub) []string {
	t.Helper()
	var cursors []string
	for _, r := range s.requests() {
		if r.Path != "/devices/list" {
			continue
		}
		if _, ok := r.Query["page_cursor"]; !ok {
			cursors = append(cursors, "")
		} else {
			cursors = append(cursors, r.Query.Get("page_cursor"))
		}
		assert.Equal(t, "2", r.Query.Get("limit"), "every page keeps the caller's parameters")
		assert.Equal(t, "ca1", r.Query.Get("connected_account_id"))
	}
	return cursors
}

// listParams is the parameters the pagination tests list devices with.
func listParams() *gen.DevicesListGetParams {
	return &gen.DevicesListGetParams{Limit: seam.Ptr(2.0), ConnectedAccountId: seam.Ptr("ca1")}
}

// collectDevices ranges over seq to its end, and returns the ids of the
// devices and the errors it yielded, in order.
func collectDevices(seq iter.Seq2[gen.Device, error]) (ids []string, errs []error) {
	for d, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, d.DeviceId)
	}
	return ids, errs
}

func TestAllWalksEveryPageInOrder(t *testing.T) {
	s := newStub(t)
	threePages(s)
	c := s.client(t)

	var got []string
	for d, err := range c.Devices.All(t.Context(), listParams()) {
		require.NoError(t, err)
		got = append(got, d.DeviceId)
	}
	assert.Equal(t, []string{"d1", "d2", "d3", "d4", "d5"}, got)
	assert.Equal(t, []string{"", "c2", "c3"}, cursorsSent(t, s))
}

func TestAllStartsAtTheGivenCursor(t *testing.T) {
	s := newStub(t)
	threePages(s)
	c := s.client(t)

	p := listParams()
	p.PageCursor = seam.Ptr("c2")
	var got []string
	for d, err := range c.Devices.All(t.Context(), p) {
		require.NoError(t, err)
		got = append(got, d.DeviceId)
	}
	assert.Equal(t, []string{"d3", "d4", "d5"}, got)
	assert.Equal(t, []string{"c2", "c3"}, cursorsSent(t, s))
	assert.Equal(t, "c2", *p.PageCursor, "the caller's parameters are left alone")
}

func TestAllEarlyBreakFetchesNoFurtherPage(t *testing.T) {
	for _, stopAfter := range []int{1, 2, 3} {
		s := newStub(t)
		threePages(s)
		c := s.client(t)
		n := 0
		for _, err := range c.Devices.All(t.Context(), listParams()) {
			require.NoError(t, err)
			n++
			if n == stopAfter {
				break
			}
		}
		assert.Equal(t, stopAfter, n)
		// Pages hold two devices: the page of the last device used is the
		// last page fetched.
		assert.Len(t, cursorsSent(t, s), (stopAfter+1)/2, "stop after %d devices", stopAfter)
	}
}

func TestAllErrorOnSecondPageComesAfterFirstPageItems(t *testing.T) {
	s := newStub(t)
	devicePages(s, map[string][]string{"": {"d1", "d2"}}, map[string]string{"": "gone"})
	c := s.client(t)

	got, errs := collectDevices(c.Devices.All(t.Context(), listParams()))
	assert.Equal(t, []string{"d1", "d2"}, got)
	require.Len(t, errs, 1, "one error, then the iteration ends")
	assert.ErrorIs(t, errs[0], seam.ErrInvalidInput)
	assert.Equal(t, []string{"", "gone"}, cursorsSent(t, s))
}

func TestAllStopsOnARepeatedCursor(t *testing.T) {
	s := newStub(t)
	devicePages(s,
		map[string][]string{"": {"d1", "d2"}, "c2": {"d3", "d4"}},
		map[string]string{"": "c2", "c2": "c2"})
	c := s.client(t)

	got, errs := collectDevices(c.Devices.All(t.Context(), listParams()))
	assert.Equal(t, []string{"d1", "d2", "d3", "d4"}, got)
	require.Len(t, errs, 1)
	assert.ErrorContains(t, errs[0], "twice")
	assert.Equal(t, []string{"", "c2"}, cursorsSent(t, s), "the repeated cursor is not fetched again")
}

func TestAllRefusesABadOptionBeforeAnyRequest(t *testing.T) {
	s := newStub(t)
	threePages(s)
	c := s.client(t)

	n := 0
	for _, err := range c.Devices.All(t.Context(), nil, seam.WithEndpoint("http://127.0.0.1:1")) {
		n++
		assert.ErrorIs(t, err, seam.ErrInvalidOptions)
	}
	assert.Equal(t, 1, n)
	assert.Empty(t, s.requests())
}

// TestAllCanBeRangedTwiceAtOnce ranges one iterator from two goroutines; run
// with -race.
func TestAllCanBeRangedTwiceAtOnce(t *testing.T) {
	s := newStub(t)
	threePages(s)
	c := s.client(t)

	seq := c.Devices.All(t.Context(), listParams())
	var wg sync.WaitGroup
	results := make([][]string, 2)
	for i := range results {
		wg.Go(func() {
			for d, err := range seq {
				if !assert.NoError(t, err) {
					return
				}
				results[i] = append(results[i], d.DeviceId)
			}
		})
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, []string{"d1", "d2", "d3", "d4", "d5"}, r)
	}
	assert.Len(t, s.requests(), 6)
}

func TestListReturnsTheCursor(t *testing.T) {
	s := newStub(t)
	threePages(s)
	c := s.client(t)

	first, err := c.Devices.List(t.Context(), listParams())
	require.NoError(t, err)
	assert.Equal(t, "d1,d2", ids(first.Items, func(d gen.Device) string { return d.DeviceId }))
	assert.True(t, first.HasNextPage)
	assert.Equal(t, "c2", first.NextPageCursor)

	p := listParams()
	p.PageCursor = &first.NextPageCursor
	second, err := c.Devices.List(t.Context(), p)
	require.NoError(t, err)
	assert.Equal(t, "d3,d4", ids(second.Items, func(d gen.Device) string { return d.DeviceId }))
	assert.Equal(t, "c3", second.NextPageCursor)

	p.PageCursor = &second.NextPageCursor
	last, err := c.Devices.List(t.Context(), p)
	require.NoError(t, err)
	assert.Equal(t, "d5", ids(last.Items, func(d gen.Device) string { return d.DeviceId }))
	assert.False(t, last.HasNextPage)
	assert.Empty(t, last.NextPageCursor)
	assert.Equal(t, []string{"", "c2", "c3"}, cursorsSent(t, s))
}

// TestEveryAllMethodPaginates walks two pages with each paginated service.
func TestEveryAllMethodPaginates(t *testing.T) {
	cases := []struct {
		name, path, key, idKey string
		all                    func(t *testing.T, c *seam.Client) []string
	}{
		{"ConnectedAccounts", "/connected_accounts/list", "connected_accounts", "connected_account_id", func(t *testing.T, c *seam.Client) []string {
			var out []string
			for a, err := range c.ConnectedAccounts.All(t.Context(), &gen.ConnectedAccountsListGetParams{Limit: seam.Ptr(1)}) {
				require.NoError(t, err)
				out = append(out, a.ConnectedAccountId)
			}
			return out
		}},
		{"ConnectWebviews", "/connect_webviews/list", "connect_webviews", "connect_webview_id", func(t *testing.T, c *seam.Client) []string {
			var out []string
			for w, err := range c.ConnectWebviews.All(t.Context(), nil) {
				require.NoError(t, err)
				out = append(out, w.ConnectWebviewId)
			}
			return out
		}},
		{"ActionAttempts", "/action_attempts/list", "action_attempts", "action_attempt_id", func(t *testing.T, c *seam.Client) []string {
			var out []string
			for a, err := range c.ActionAttempts.All(t.Context(), nil) {
				require.NoError(t, err)
				out = append(out, summary(t, &a).ID)
			}
			return out
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newStub(t)
			item := func(id string) map[string]any {
				m := map[string]any{tc.idKey: id}
				if tc.key == "action_attempts" {
					m = attempt(id, "LOCK_DOOR", "success")
				}
				return m
			}
			s.handle("GET "+tc.path, func(r *stubRequest) (int, any) {
				if r.Query.Get("page_cursor") == "p2" {
					return http.StatusOK, map[string]any{tc.key: []any{item("b")}, "pagination": pagination(""), "ok": true}
				}
				return http.StatusOK, map[string]any{tc.key: []any{item("a")}, "pagination": pagination("p2"), "ok": true}
			})
			c := s.client(t)
			assert.Equal(t, []string{"a", "b"}, tc.all(t, c))
			reqs := s.requests()
			require.Len(t, reqs, 2)
			assert.Empty(t, reqs[0].Query.Get("page_cursor"))
			assert.Equal(t, "p2", reqs[1].Query.Get("page_cursor"))
		})
	}
}
