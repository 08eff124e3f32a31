package seam_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/seamgo/seam-go/seam"
)

// A server that never answers: each attempt times out (WithTimeout), the
// GET is retried, and the error tells our timeout from the caller's
// deadline.
func ExampleTransportError() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	}))
	defer srv.Close()
	client, err := seam.New(seam.WithAPIKey(exampleAPIKey), seam.WithEndpoint(srv.URL),
		seam.WithTimeout(50*time.Millisecond), seam.WithRetryBackoff(time.Millisecond, time.Millisecond))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Workspaces.Get(context.Background())

	var te *seam.TransportError
	if errors.As(err, &te) {
		fmt.Println(te.Method, te.Path, te.Phase, te.Attempts, te.Timeout())
	}
	fmt.Println(errors.Is(err, seam.ErrAttemptTimeout), errors.Is(err, context.DeadlineExceeded))
	// Output:
	// GET /workspaces/get send 3 true
	// true false
}

// A 2xx body over the limit is refused without being read to the end.
func ExampleWithMaxResponseBytes() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"workspace":{"workspace_id":"ws_1","name":%q},"ok":true}`, strings.Repeat("x", 4096))
	}))
	defer srv.Close()
	client, err := seam.New(seam.WithAPIKey(exampleAPIKey), seam.WithEndpoint(srv.URL), seam.WithMaxResponseBytes(1024))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.Workspaces.Get(context.Background())
	fmt.Println(errors.Is(err, seam.ErrResponseTooLarge))
	// Output:
	// true
}
