package seam

// recentCursorCount is how many cursors of a walk recentCursors remembers.
const recentCursorCount = 16

// recentCursors remembers the last cursors of a walk, so that a walk stops
// when the API sends one of them again, in memory that does not grow with
// the number of pages (a longer cycle ends at maxPages).
type recentCursors struct {
	ring [recentCursorCount]string
	next int
}

// seen reports whether cursor is one of the remembered cursors.
func (r *recentCursors) seen(cursor string) bool {
	for _, c := range r.ring {
		if c == cursor && c != "" {
			return true
		}
	}
	return false
}

// add remembers cursor, forgetting the oldest one when full.
func (r *recentCursors) add(cursor string) {
	r.ring[r.next] = cursor
	r.next = (r.next + 1) % recentCursorCount
}
