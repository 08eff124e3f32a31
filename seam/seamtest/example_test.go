package seamtest_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/seamgo/seam-go/seam/seamtest"
)

// exampleT stands in for the *testing.T of a real test.
var exampleT testing.TB = &testing.T{}

// A unit test of your code against the Node-free double: set an answer,
// call, assert on what was sent.
func ExampleNewServer() {
	s := seamtest.NewServer(exampleT)
	client := s.Client()
	ctx := context.Background()

	// Canned, spec-derived answers: the unlock's action attempt succeeds.
	if _, err := client.Locks.UnlockDoor(ctx, "front_door"); err != nil {
		fmt.Println("unlock:", err)
	}
	// A Seam error for one operation.
	s.Handle("/devices/get", seamtest.Error(http.StatusNotFound, "device_not_found", "Device not found"))
	_, err := client.Devices.Get(ctx, "gone")
	fmt.Println(err != nil)

	for _, r := range s.Requests() {
		fmt.Printf("%s %s body=%v query=%q\n", r.Method, r.Path, r.Body, r.Query.Get("device_id"))
	}
	// Output:
	// true
	// POST /locks/unlock_door body=map[device_id:front_door] query=""
	// GET /devices/get body=map[] query="gone"
}

// The official fake (needs Node.js 20+; installs once into the user cache).
func ExampleNewFake() {
	f := seamtest.NewFake(exampleT, seamtest.SkipWithoutNode())
	client := f.Client()
	lock, err := client.Locks.Get(context.Background(), f.Seed.AugustLock1ID)
	if err == nil {
		fmt.Println(lock.DeviceId)
	}
}
