package sheet

import (
	"testing"

	"servicebp/blueprint"
)

// FuzzImportCSV feeds arbitrary bytes to the CSV reader and the importer,
// as steps and as flows: neither may panic, and whatever imports must be
// a blueprint that loads.
func FuzzImportCSV(f *testing.F) {
	for _, s := range []string{
		"id,lane,column,text\na,customer,c,A\n",
		"Lane,Arrive,Pay\nCustomer,Walk in,Pay\nKitchen,,Cook\n",
		"phase,x,,y\nlane,a,b,c\n顾客行为,1,2,3\n",
		"text,lane,column,tags,waiting,queue,comments\nx,custom lane,Col 1,\"[a, b]\",fair,\"30/h, 2 servers, 3m service\",{}\n",
		"from,to\na,b\n",
		"\ufeff\"a\nb\",c\n",
	} {
		f.Add([]byte(s), []byte("from,to,two-way\na,b,yes\n"))
	}
	f.Fuzz(func(t *testing.T, steps, flows []byte) {
		var b Book
		var err error
		if b.Steps, err = DecodeCSV("s.csv", steps); err != nil {
			return
		}
		if b.Flows, err = DecodeCSV("f.csv", flows); err != nil {
			b.Flows = nil
		}
		out, err := Import(b, Names{Steps: "s.csv", Flows: "f.csv", Blueprint: "b.csv"}, "t")
		if err != nil {
			return
		}
		if _, err := blueprint.Parse("out.yaml", out); err != nil {
			t.Fatalf("the import does not load: %v\n%s", err, out)
		}
	})
}
