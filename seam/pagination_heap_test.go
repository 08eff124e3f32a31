package seam_test

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seamgo/seam-go/gen"
	"github.com/seamgo/seam-go/seam"
)

// heapWalkCursor is the cursor of page i: as long as the opaque cursors of
// the API, so that keeping every cursor of a walk would show.
func heapWalkCursor(i int) string {
	return fmt.Sprintf("p%06d_", i) + strings.Repeat("c", 500)
}

// heapWalkServer serves /devices/list as pages of benchPageSize devices
// ("" for the first page), the last one being page pages-1.
func heapWalkServer(t *testing.T, pages int) string {
	t.Helper()
	// Each page is the same devices around its own cursor.
	page := string(benchPage(t, benchDevices(t, benchPageSize), "NEXT"))
	last := benchPage(t, benchDevices(t, benchPageSize), "")
	before, after, ok := strings.Cut(page, "NEXT")
	require.True(t, ok)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /devices/list", func(w http.ResponseWriter, r *http.Request) {
		i := 0
		if c := r.URL.Query().Get("page_cursor"); c != "" {
			n, err := strconv.Atoi(strings.TrimPrefix(c[:7], "p"))
			if err != nil || c != heapWalkCursor(n) {
				http.Error(w, "bad cursor", http.StatusBadRequest)
				return
			}
			i = n
		}
		w.Header().Set("Content-Type", "application/json")
		if i == pages-1 {
			_, _ = w.Write(last)
			return
		}
		next := heapWalkCursor(i + 1)
		var b bytes.Buffer
		b.WriteString(before)
		b.WriteString(next)
		// The URL of the next page carries the cursor a second time.
		b.WriteString(strings.ReplaceAll(after, "NEXT", next))
		_, _ = w.Write(b.Bytes())
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), "server must bind 127.0.0.1, got %s", srv.URL)
	return srv.URL
}

// TestWalkHoldsOnePage checks that All keeps one page in memory: within a
// walk of 1,000 pages, the heap in use (after a collection) when page 1,000
// is handled is that of when page 100 was. Keeping the pages would add about
// 9 MB; keeping every cursor, about 600 KB.
func TestWalkHoldsOnePage(t *testing.T) {
	const pages = 1000
	url := heapWalkServer(t, pages)
	c, err := seam.New(seam.WithAPIKey(benchAPIKey), seam.WithEndpoint(url))
	require.NoError(t, err)
	limit := float64(benchPageSize)
	inUse := map[int]uint64{}
	n := 0
	for d, err := range c.Devices.All(t.Context(), &gen.DevicesListGetParams{Limit: &limit}) {
		require.NoError(t, err)
		require.NotEmpty(t, d.DeviceId)
		n++
		if page := n / benchPageSize; n%benchPageSize == 0 && (page == 100 || page == pages) {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			inUse[page] = ms.HeapInuse
		}
	}
	require.Equal(t, pages*benchPageSize, n)
	t.Logf("heap in use: %d KB at page 100, %d KB at page %d", inUse[100]>>10, inUse[pages]>>10, pages)
	const bound = 256 << 10
	assert.Less(t, int64(inUse[pages])-int64(inUse[100]), int64(bound), "heap growth from page 100 to page %d", pages)
}
