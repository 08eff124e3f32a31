package seam

import "github.com/oapi-codegen/nullable"

// Null returns a field of a generated type set to JSON null: the way to
// clear a value the spec marks nullable (a name, an ends_at, a program id).
// A nullable field left at its zero value is not sent at all.
//
//	client.Devices.Update(ctx, &gen.DevicesUpdateRequestBody{DeviceId: id, Name: seam.Null[string]()})
//
// Fields the spec marks nullable are nullable.Nullable[T]
// (github.com/oapi-codegen/nullable), in requests and answers alike; read
// one with IsNull, IsSpecified and Get.
func Null[T any]() nullable.Nullable[T] { return nullable.NewNullNullable[T]() }

// NotNull returns a nullable field of a generated type set to v:
//
//	&gen.DevicesUpdateRequestBody{DeviceId: id, Name: seam.NotNull("Front door")}
func NotNull[T any](v T) nullable.Nullable[T] { return nullable.NewNullableWithValue(v) }

// ptrOf returns a pointer to n's value, or nil when n is null or absent.
func ptrOf[T any](n nullable.Nullable[T]) *T {
	v, err := n.Get()
	if err != nil {
		return nil
	}
	return &v
}
