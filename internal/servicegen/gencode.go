package servicegen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"reflect"
	"strconv"
	"strings"
)

// genCode indexes what the service layer needs from the code oapi-codegen
// wrote into gen/: the raw client methods, the aliases of request bodies,
// and the fields of every struct type.
type genCode struct {
	fset    *token.FileSet
	methods map[string]*ast.FuncType // (*Client).X
	aliases map[string]ast.Expr      // type X = Y
	structs map[string]*ast.StructType
}

func parseGen(src []byte) (*genCode, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "seam.gen.go", src, parser.SkipObjectResolution)
	if err != nil {
		return nil, fmt.Errorf("servicegen: parse the generated code: %w", err)
	}
	g := &genCode{fset: fset, methods: map[string]*ast.FuncType{}, aliases: map[string]ast.Expr{}, structs: map[string]*ast.StructType{}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil || len(d.Recv.List) != 1 {
				continue
			}
			if star, ok := d.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == "Client" {
					g.methods[d.Name.Name] = d.Type
				}
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				ts, ok := s.(*ast.TypeSpec)
				if !ok {
					continue
				}
				if ts.Assign.IsValid() {
					g.aliases[ts.Name.Name] = ts.Type
				} else if st, ok := ts.Type.(*ast.StructType); ok {
					g.structs[ts.Name.Name] = st
				}
			}
		}
	}
	return g, nil
}

// resolve follows type aliases to the name they stand for.
func (g *genCode) resolve(name string) string {
	for range 10 {
		t, ok := g.aliases[name]
		if !ok {
			return name
		}
		id, ok := t.(*ast.Ident)
		if !ok {
			return name
		}
		name = id.Name
	}
	return name
}

// field finds the field of struct typeName whose JSON name is jsonName.
func (g *genCode) field(typeName, jsonName string) (goName string, typ ast.Expr, ok bool) {
	st := g.structs[g.resolve(typeName)]
	if st == nil {
		return "", nil, false
	}
	for _, f := range st.Fields.List {
		if f.Tag == nil || len(f.Names) != 1 {
			continue
		}
		tag, err := strconv.Unquote(f.Tag.Value)
		if err != nil {
			continue
		}
		name, _, _ := strings.Cut(reflect.StructTag(tag).Get("json"), ",")
		if name == jsonName {
			return f.Names[0].Name, f.Type, true
		}
	}
	return "", nil, false
}

// qualified prints a type expression of package gen as seen from seam:
// gen's own names get the "gen." prefix; imports are collected.
func (g *genCode) qualified(e ast.Expr, imports map[string]bool) (string, error) {
	switch e := e.(type) {
	case *ast.Ident:
		switch e.Name {
		case "string", "bool", "int", "int32", "int64", "float32", "float64", "any", "byte":
			return e.Name, nil
		}
		return "gen." + e.Name, nil
	case *ast.StarExpr:
		s, err := g.qualified(e.X, imports)
		return "*" + s, err
	case *ast.ArrayType:
		if e.Len != nil {
			return "", fmt.Errorf("servicegen: array types are not supported")
		}
		s, err := g.qualified(e.Elt, imports)
		return "[]" + s, err
	case *ast.MapType:
		k, err := g.qualified(e.Key, imports)
		if err != nil {
			return "", err
		}
		v, err := g.qualified(e.Value, imports)
		return "map[" + k + "]" + v, err
	case *ast.StructType:
		// An inline object: the same struct type, spelled from seam.
		var b strings.Builder
		b.WriteString("struct {\n")
		for _, f := range e.Fields.List {
			t, err := g.qualified(f.Type, imports)
			if err != nil {
				return "", err
			}
			names := make([]string, len(f.Names))
			for i, n := range f.Names {
				names[i] = n.Name
			}
			b.WriteString(strings.Join(names, ", ") + " " + t)
			if f.Tag != nil {
				b.WriteString(" " + f.Tag.Value)
			}
			b.WriteString("\n")
		}
		b.WriteString("}")
		return b.String(), nil
	case *ast.IndexExpr:
		// nullable.Nullable[T], oapi-codegen's type of a nullable property.
		if sel, ok := e.X.(*ast.SelectorExpr); ok {
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "nullable" {
				arg, err := g.qualified(e.Index, imports)
				if err != nil {
					return "", err
				}
				imports[`"github.com/oapi-codegen/nullable"`] = true
				return "nullable." + sel.Sel.Name + "[" + arg + "]", nil
			}
		}
	case *ast.InterfaceType:
		if e.Methods == nil || len(e.Methods.List) == 0 {
			return "any", nil
		}
	case *ast.SelectorExpr:
		if pkg, ok := e.X.(*ast.Ident); ok {
			switch pkg.Name {
			case "time":
				imports[`"time"`] = true
				return "time." + e.Sel.Name, nil
			case "openapi_types":
				imports[`openapi_types "github.com/oapi-codegen/runtime/types"`] = true
				return "openapi_types." + e.Sel.Name, nil
			case "json":
				imports[`"encoding/json"`] = true
				return "json." + e.Sel.Name, nil
			}
		}
	}
	var b bytes.Buffer
	_ = printer.Fprint(&b, g.fset, e)
	return "", fmt.Errorf("servicegen: type %s is not supported", b.String())
}

// callShape is how the raw client method of an operation takes its input.
type callShape int

const (
	shapeNone   callShape = iota // (ctx, editors...)
	shapeParams                  // (ctx, params *P, editors...)
	shapeBody                    // (ctx, body B, editors...)
	shapeByID                    // a ByID method: (ctx, id string, opts...)
)

// input returns the shape of method opID and its input type (resolved).
func (g *genCode) input(opID string) (callShape, string, error) {
	ft, ok := g.methods[opID]
	if !ok {
		return 0, "", fmt.Errorf("servicegen: gen has no method (*Client).%s", opID)
	}
	params := ft.Params.List
	// ctx first, editors last.
	if len(params) < 2 {
		return 0, "", fmt.Errorf("servicegen: (*Client).%s has an unexpected signature", opID)
	}
	mid := params[1 : len(params)-1]
	switch len(mid) {
	case 0:
		return shapeNone, "", nil
	case 1:
		switch t := mid[0].Type.(type) {
		case *ast.StarExpr:
			if id, ok := t.X.(*ast.Ident); ok {
				return shapeParams, id.Name, nil
			}
		case *ast.Ident:
			return shapeBody, g.resolve(t.Name), nil
		}
	}
	return 0, "", fmt.Errorf("servicegen: (*Client).%s: path parameters or raw bodies are not supported", opID)
}

// responseBody returns the type of the decoded 200 JSON answer of opID, or
// "" when the operation answers without a JSON body.
func (g *genCode) responseBody(opID string) (string, error) {
	name := opID + "Response"
	if _, ok := g.structs[name]; !ok {
		return "", fmt.Errorf("servicegen: gen has no response type %s", name)
	}
	for _, f := range g.structs[name].Fields.List {
		if len(f.Names) == 1 && f.Names[0].Name == "JSON200" {
			if star, ok := f.Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok {
					return id.Name, nil
				}
			}
			return "", fmt.Errorf("servicegen: %s.JSON200 is not a pointer to a named type", name)
		}
	}
	return "", nil
}
