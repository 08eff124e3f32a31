package updatespec

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const typesSrc = `package gen

type Widget struct{ ID string }

type (
	WidgetList []Widget
	hidden     int
	Alias      = Widget
)

type Doer interface{ Do() }

func (w Widget) Name() string { return w.ID }

func Exported() {}

var Value int

const Const = 1
`

func TestExportedTypesListsOnlyExportedTopLevelTypes(t *testing.T) {
	names, err := ExportedTypes("x.go", []byte(typesSrc))
	require.NoError(t, err)
	assert.Equal(t, []string{"Alias", "Doer", "Widget", "WidgetList"}, names)
}

func TestExportedTypesRejectsInvalidGo(t *testing.T) {
	_, err := ExportedTypes("broken.go", []byte("package gen\ntype X struct {"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "broken.go")
}

func TestDiffTypes(t *testing.T) {
	d := DiffTypes([]string{"A", "B", "D", "F"}, []string{"B", "C", "D", "E", "G"})
	assert.Equal(t, []string{"C", "E", "G"}, d.Added)
	assert.Equal(t, []string{"A", "F"}, d.Removed)
	assert.Equal(t, 4, d.Before)
	assert.Equal(t, 5, d.After)
	assert.True(t, d.Breaking())
	assert.False(t, d.Empty())
}

func TestDiffTypesEdgeCases(t *testing.T) {
	same := DiffTypes([]string{"A", "B"}, []string{"A", "B"})
	assert.True(t, same.Empty())
	assert.False(t, same.Breaking())

	fresh := DiffTypes(nil, []string{"A"})
	assert.Equal(t, []string{"A"}, fresh.Added)
	assert.False(t, fresh.Breaking())

	gone := DiffTypes([]string{"A"}, nil)
	assert.Equal(t, []string{"A"}, gone.Removed)
	assert.True(t, gone.Breaking())
}
