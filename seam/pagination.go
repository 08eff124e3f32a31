package seam

import (
	"context"
	"fmt"
	"iter"

	"github.com/oapi-codegen/nullable"

	"github.com/seamgo/seam-go/gen"
)

// Page is one page of a paginated list.
type Page[T any] struct {
	// Items are the page's items.
	Items []T
	// HasNextPage reports whether another page follows.
	HasNextPage bool
	// NextPageCursor selects the next page: pass it as the page_cursor
	// parameter (it may be stored and used later). It is "" on the last page.
	NextPageCursor string
}

// newPage builds a Page from a list's items and its pagination object.
func newPage[T any](items []T, p gen.Pagination) *Page[T] {
	page := &Page[T]{Items: items, HasNextPage: p.HasNextPage}
	page.NextPageCursor, _ = p.NextPageCursor.Get()
	return page
}

// pageFunc fetches the page that starts at cursor ("" for the first page).
type pageFunc[T any] func(ctx context.Context, cursor string) (*Page[T], error)

// maxPages bounds one iteration, so that a server that never says "last
// page" cannot keep a loop going forever.
const maxPages = 100_000

// iterate yields every item of every page, starting at cursor and fetching
// each page only when the previous one is used up, so one page is in memory
// at a time. It stops when the loop breaks, and yields an error (then stops)
// when a page cannot be fetched or the API repeats one of its last cursors.
func iterate[T any](ctx context.Context, cursor string, fetch pageFunc[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		var seen recentCursors
		seen.add(cursor)
		for range maxPages {
			page, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range page.Items {
				if !yield(item, nil) {
					return
				}
			}
			if !page.HasNextPage || page.NextPageCursor == "" {
				return
			}
			if seen.seen(page.NextPageCursor) {
				yield(zero, fmt.Errorf("seam: the API returned page cursor %q twice; stopping", page.NextPageCursor))
				return
			}
			seen.add(page.NextPageCursor)
			cursor = page.NextPageCursor
		}
		yield(zero, fmt.Errorf("seam: more than %d pages; stopping", maxPages))
	}
}

// cursorParam returns the page_cursor value for cursor: nil for the first page.
func cursorParam(cursor string) *string {
	if cursor == "" {
		return nil
	}
	return &cursor
}

// cursorOf reads a page_cursor field (see pager.cursor): "" when unset or
// null.
func cursorOf(field any) string {
	switch f := field.(type) {
	case **string:
		return deref(*f)
	case *nullable.Nullable[string]:
		v, _ := f.Get()
		return v
	}
	panic(fmt.Sprintf("seam: page cursor field of type %T", field))
}

// setCursor sets a page_cursor field (see pager.cursor) to cursor, or
// leaves it out of the request for the first page ("").
func setCursor(field any, cursor string) {
	switch f := field.(type) {
	case **string:
		*f = cursorParam(cursor)
	case *nullable.Nullable[string]:
		if cursor == "" {
			f.SetUnspecified()
		} else {
			f.Set(cursor)
		}
	default:
		panic(fmt.Sprintf("seam: page cursor field of type %T", field))
	}
}

// paginate is iterate for a resource method: it applies the call's options
// first, and yields their error if they are invalid.
func paginate[T any](c *Client, ctx context.Context, opts []Option, cursor string, fetch pageFunc[T]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		ctx, _, err := c.begin(ctx, opts)
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		iterate(ctx, cursor, fetch)(yield)
	}
}

// pager says how to page through one paginated operation (PP and BP are
// pointers to its parameters and answer, see call): where its page cursor
// parameter is, and where an answer's items and pagination are.
type pager[PP, BP, T any] struct {
	// cursor returns a pointer to the page_cursor field of params: a
	// **string, or a *nullable.Nullable[string] where the spec marks the
	// cursor nullable (see cursorOf and setCursor).
	cursor func(PP) any
	items  func(BP) ([]T, gen.Pagination)
}

// list returns the page of a paginated operation that params selects.
func list[PP, BP, T any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP], pg pager[PP, BP, T]) (*Page[T], error) {
	_, _, body, err := call[PP, BP](c, ctx, opts, e, params, send)
	if err != nil {
		return nil, err
	}
	return newPage(pg.items(body)), nil
}

// all iterates over every item of every page of a paginated operation,
// from the page cursor of params on. Each page is fetched with its own
// copy of params, so the iterator may be ranged several times, even at
// once.
func all[PP, BP, T any](c *Client, ctx context.Context, opts []Option, e endpoint, params PP, send sendFunc[PP], pg pager[PP, BP, T]) iter.Seq2[T, error] {
	base := copyOf(params)
	return paginate(c, ctx, opts, cursorOf(pg.cursor(base)), func(ctx context.Context, cursor string) (*Page[T], error) {
		q := copyOf(base) // a copy per page
		setCursor(pg.cursor(q), cursor)
		// The options were applied by paginate: ctx carries them.
		return list(c, ctx, nil, e, q, send, pg)
	})
}
