package export

import (
	"image"
	"path/filepath"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/internal/golden"
)

// traditionalDoc is a blueprint in Traditional Chinese whose lanes and
// lines keep their default names, as a file that names none of them loads.
func traditionalDoc() *blueprint.Document {
	d := blueprint.New("飯店入住服務藍圖", i18n.English.Names())
	d.Columns = []blueprint.Column{{ID: "c1", Name: "抵達", Phase: "入住"}}
	d.Steps = []blueprint.Step{
		{ID: "s1", Lane: "customer", Column: "c1", Text: "顧客說明訂房資料，等候櫃檯確認", Wait: 5 * blueprint.Minute, Moment: true},
		{ID: "s2", Lane: "frontstage", Column: "c1", Text: "櫃檯人員核對證件", Fail: "找不到訂房紀錄"},
		{ID: "s3", Lane: "backstage", Column: "c1", Text: "後台系統查詢過去的住宿紀錄"},
	}
	d.Flows = []blueprint.Flow{{From: "s1", To: "s2"}, {From: "s2", To: "s3"}}
	return d
}

// TestTraditionalLabels draws a Traditional Chinese blueprint with zh-Hant
// labels: the default lane and line names and the legend are Traditional,
// and the image matches its golden (pinned font).
func TestTraditionalLabels(t *testing.T) {
	font := pinnedFont(t)
	d := traditionalDoc()
	opt := Options{Scale: 1, Font: font, Lang: i18n.Traditional}
	l := Layout(d, opt)
	want := []string{"有形展示", "顧客行為", "前台員工行為", "後台員工行為", "支持過程"}
	for i, lb := range l.Lanes {
		if len(lb.Title) != 1 || lb.Title[0].Text != want[i] {
			t.Errorf("lane %d title %+v, want %q", i, lb.Title, want[i])
		}
	}
	if l.Legend == nil {
		t.Fatal("no legend")
	}
	labels := map[string]bool{}
	for _, it := range l.Legend.Items {
		labels[it.Label.Text] = true
	}
	for _, s := range []string{"失誤點", "等待點", "真實瞬間", "流程"} {
		if !labels[s] {
			t.Errorf("the legend lacks %q: %v", s, labels)
		}
	}
	if miss := pinnedMissing(t, d, font); len(miss) > 0 {
		t.Fatalf("the pinned fonts lack %q", string(miss))
	}
	img, err := RenderLayout(l, opt)
	if err != nil {
		t.Fatal(err)
	}
	golden.AssertImage(t, filepath.Join("testdata", "traditional.png"), img)
}

// TestTraditionalGlyphForms checks that, drawn with the system fonts, the
// same Traditional card text looks different under zh-Hant labels than
// under zh-Hans ones: zh-Hant falls back to Noto Sans CJK TC first, whose
// glyph forms (說, 過) follow the Taiwan standard.
func TestTraditionalGlyphForms(t *testing.T) {
	d := traditionalDoc()
	crop := func(lg i18n.Lang) *image.NRGBA {
		opt := Options{Scale: 2, Lang: lg}
		l := Layout(d, opt)
		img, err := RenderLayout(l, opt)
		if err != nil {
			t.Fatal(err)
		}
		c := l.Card("s3")
		if c == nil {
			t.Fatal("no card s3")
		}
		r := image.Rect(int(c.Rect.X*2), int(c.Rect.Y*2), int((c.Rect.X+c.Rect.W)*2), int((c.Rect.Y+c.Rect.H)*2))
		out := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		for y := 0; y < r.Dy(); y++ {
			for x := 0; x < r.Dx(); x++ {
				out.Set(x, y, img.At(r.Min.X+x, r.Min.Y+y))
			}
		}
		return out
	}
	hant, hans := crop(i18n.Traditional), crop(i18n.Simplified)
	if hant.Bounds() != hans.Bounds() {
		t.Fatalf("the card is %v under zh-Hant, %v under zh-Hans", hant.Bounds(), hans.Bounds())
	}
	differ := 0
	for i := range hant.Pix {
		if d := int(hant.Pix[i]) - int(hans.Pix[i]); d > 48 || d < -48 {
			differ++
		}
	}
	if differ < 20 {
		t.Errorf("only %d bytes of the card differ between the TC and SC faces; zh-Hant does not use the TC glyph forms", differ)
	}
}
