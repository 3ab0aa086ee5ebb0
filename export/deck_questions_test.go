package export

import (
	"fmt"
	"strings"
	"testing"

	"servicebp/blueprint"
	"servicebp/blueprint/i18n"
	"servicebp/internal/golden"
)

// TestDeckPDFQuestions checks the parking-lot pages at the end of the PDF
// deck: none without questions, one listing each entry's kind, text, step
// and owner (Chinese included), and more when the entries do not fit.
func TestDeckPDFQuestions(t *testing.T) {
	d := golden.Template(t, "hotel")
	plain := len(d.Phases()) + 1
	d.Questions = []blueprint.Question{
		{Text: "Who restocks the lounge vouchers?", Step: d.Steps[3].ID, Owner: "Ana"},
		{Text: "发短信通知房间已准备好", Kind: blueprint.QuestionIdea},
		{Text: "Measure the queue at 16:00", Kind: blueprint.QuestionAction, Owner: "陳"},
	}
	data, err := DeckPDF(d, Options{Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := pdfPages(t, data)
	if pages != plain+1 {
		t.Fatalf("%d pages, want %d: the slides and one parking-lot page", pages, plain+1)
	}
	n := fmt.Sprint(pages)
	txt := squeeze(string(poppler(t, "pdftotext", data, "-f", n, "-l", n, "-enc", "UTF-8")))
	for _, want := range []string{"Parking lot · 3", "Question", "Idea", "Action", d.Questions[0].Text, d.Questions[1].Text, d.Questions[2].Text,
		"Step: " + d.Steps[3].Text, "Owner: Ana", "Owner: 陳"} {
		if !strings.Contains(txt, squeeze(want)) {
			t.Errorf("the last page lacks %q:\n%s", want, txt)
		}
	}

	// Forty entries need more than one page; every one is listed once.
	d.Questions = nil
	for i := range 40 {
		d.Questions = append(d.Questions, blueprint.Question{Text: fmt.Sprintf("Question number %d", i+1)})
	}
	data, err = DeckPDF(d, Options{Font: pinnedFont(t)})
	if err != nil {
		t.Fatal(err)
	}
	pages, _ = pdfPages(t, data)
	if pages <= plain+1 {
		t.Fatalf("%d pages for 40 questions, want more than %d", pages, plain+1)
	}
	all := string(poppler(t, "pdftotext", data, "-f", fmt.Sprint(plain+1), "-l", fmt.Sprint(pages), "-enc", "UTF-8"))
	for i := range 40 {
		if c := strings.Count(all, fmt.Sprintf("Question number %d\n", i+1)); c != 1 {
			t.Errorf("question %d is listed %d times", i+1, c)
		}
	}
	if !strings.Contains(all, "Parking lot (continued)") {
		t.Error("the second parking-lot page is not marked as continued")
	}

	// Under a Chinese language the headings are Chinese.
	shop := golden.Template(t, "shop")
	shop.Questions = []blueprint.Question{{Text: "谁负责退款？", Kind: blueprint.QuestionAction}}
	data, err = DeckPDF(shop, Options{Font: pinnedFont(t), Lang: i18n.Simplified})
	if err != nil {
		t.Fatal(err)
	}
	pages, _ = pdfPages(t, data)
	txt = squeeze(string(poppler(t, "pdftotext", data, "-f", fmt.Sprint(pages), "-l", fmt.Sprint(pages), "-enc", "UTF-8")))
	for _, want := range []string{"问题停车场·1", "行动", "谁负责退款？"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the Chinese parking-lot page lacks %q:\n%s", want, txt)
		}
	}
}
