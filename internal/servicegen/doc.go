// Package servicegen generates the service layer of the seam package
// (seam/services.gen.go) from the normalized spec and the code oapi-codegen
// generated from it: one method per documented path, on a service reached
// from seam.Client by the path's segments (/thermostats/schedules/create is
// client.Thermostats.Schedules.Create), each a single call of a generic
// helper of seam/call.go. The paths in HandWritten are skipped: seam/
// writes their methods by hand. docs/conventions.md states the rules.
package servicegen
