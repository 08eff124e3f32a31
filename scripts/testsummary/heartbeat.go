package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"time"
)

// readWithHeartbeat consumes r like read and, whenever nothing was printed
// for every, prints a line saying that go test is still running.
func (s *summary) readWithHeartbeat(r io.Reader, every time.Duration) error {
	lines := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(lines)
		br := bufio.NewReader(r)
		for {
			line, err := br.ReadString('\n')
			if line != "" {
				lines <- line
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					errc <- fmt.Errorf("read test events: %w", err)
				}
				return
			}
		}
	}()
	started := time.Now()
	s.lastPrint = started
	ticker := time.NewTicker(every)
	defer ticker.Stop()
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				select {
				case err := <-errc:
					return err
				default:
					return nil
				}
			}
			s.line(line)
		case now := <-ticker.C:
			if now.Sub(s.lastPrint) >= every {
				s.print(fmt.Sprintf("    … still running after %s: %d packages finished, %d tests passed so far (compiling or running the rest)",
					now.Sub(started).Round(time.Second), s.packagesDone, s.section.passed))
			}
		}
	}
}
