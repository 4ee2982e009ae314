package openaitest

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strings"
	"testing"

	openai "github.com/sashabaranov/go-openai"
)

func client(s *Server) *openai.Client {
	c := openai.DefaultConfig("k")
	c.BaseURL = s.URL
	return openai.NewClientWithConfig(c)
}

func TestChatPlainAndStreamed(t *testing.T) {
	s := New(t)
	s.Enqueue(Reply{Content: "one two three"}, Reply{Content: "four five"})
	c := client(s)
	req := openai.ChatCompletionRequest{Model: "m1", Messages: []openai.ChatCompletionMessage{{Role: "system", Content: "sys"}, {Role: "user", Content: "hi"}}}
	resp, err := c.CreateChatCompletion(context.Background(), req)
	if err != nil || len(resp.Choices) != 1 || resp.Choices[0].Message.Content != "one two three" || resp.Model != "m1" {
		t.Fatalf("plain reply %+v, %v", resp, err)
	}
	stream, err := c.CreateChatCompletionStream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var chunks []string
	finish := openai.FinishReason("")
	for {
		r, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if c := r.Choices[0].Delta.Content; c != "" {
			chunks = append(chunks, c)
		}
		if r.Choices[0].FinishReason != "" {
			finish = r.Choices[0].FinishReason
		}
	}
	if strings.Join(chunks, "|") != "four |five" || finish != openai.FinishReasonStop {
		t.Errorf("streamed %q finish %q", chunks, finish)
	}
	reqs := s.ChatRequests()
	if len(reqs) != 2 || reqs[0].Stream || !reqs[1].Stream || reqs[0].System() != "sys" || reqs[0].LastUser() != "hi" || reqs[1].Model != "m1" {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestScripting(t *testing.T) {
	s := New(t)
	s.Handle(func(r Request) Reply { return Reply{Content: "echo " + r.LastUser()} })
	s.Enqueue(Reply{Status: 429, RetryAfter: "7", Error: "slow down"})
	c := client(s)
	req := openai.ChatCompletionRequest{Model: "m", Messages: []openai.ChatCompletionMessage{{Role: "user", Content: "x"}}}
	_, err := c.CreateChatCompletion(context.Background(), req)
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 429 || apiErr.Message != "slow down" {
		t.Fatalf("queued 429: %v", err)
	}
	resp, err := c.CreateChatCompletion(context.Background(), req)
	if err != nil || resp.Choices[0].Message.Content != "echo x" {
		t.Fatalf("handler reply %+v, %v", resp, err)
	}
	// Raw HTTP shows the header the client library hides.
	s.Enqueue(Reply{Status: 503, RetryAfter: "7"})
	hr, err := http.Post(s.URL+"/chat/completions", "application/json", strings.NewReader(`{"model":"m","messages":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	hr.Body.Close()
	if hr.StatusCode != 503 || hr.Header.Get("Retry-After") != "7" {
		t.Errorf("status %d Retry-After %q", hr.StatusCode, hr.Header.Get("Retry-After"))
	}
	s.SetDefault(Reply{Body: `{"choices": [`})
	s.Handle(nil)
	if _, err := c.CreateChatCompletion(context.Background(), req); err == nil {
		t.Error("malformed body decoded without error")
	}
	hr, err = http.Post(s.URL+"/chat/completions", "application/json", strings.NewReader(`{not json`))
	if err != nil {
		t.Fatal(err)
	}
	hr.Body.Close()
	if hr.StatusCode != 400 {
		t.Errorf("invalid request body answered %d", hr.StatusCode)
	}
	if n := len(s.Requests()); n != 5 {
		t.Errorf("recorded %d requests, want 5", n)
	}
}

func TestRequireKey(t *testing.T) {
	s := New(t)
	s.RequireKey("secret")
	_, err := client(s).CreateChatCompletion(context.Background(), openai.ChatCompletionRequest{Model: "m"})
	var apiErr *openai.APIError
	if !errors.As(err, &apiErr) || apiErr.HTTPStatusCode != 401 {
		t.Fatalf("wrong key: %v", err)
	}
}

func TestEmbeddingsAndModels(t *testing.T) {
	s := New(t)
	c := client(s)
	resp, err := c.CreateEmbeddings(context.Background(), openai.EmbeddingRequest{
		Model: openai.SmallEmbedding3, Input: []string{"Kenya leads the mission", "Kenya leads the mission", "gang violence in 2024"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Data) != 3 || len(resp.Data[0].Embedding) != EmbeddingDims {
		t.Fatalf("embeddings %d of %d dims", len(resp.Data), len(resp.Data[0].Embedding))
	}
	same, _ := resp.Data[0].DotProduct(&resp.Data[1])
	other, _ := resp.Data[0].DotProduct(&resp.Data[2])
	if math.Abs(float64(same)-1) > 1e-5 || other >= same {
		t.Errorf("same text similarity %v, other text %v", same, other)
	}
	one, err := c.CreateEmbeddings(context.Background(), openai.EmbeddingRequest{Model: openai.SmallEmbedding3, Input: "Kenya leads the mission"})
	if err != nil || len(one.Data) != 1 {
		t.Fatalf("single input: %+v, %v", one, err)
	}
	for i, x := range one.Data[0].Embedding {
		if x != resp.Data[0].Embedding[i] {
			t.Fatal("the same text got another vector")
		}
	}
	if got := s.Requests()[1].Input; len(got) != 1 || got[0] != "Kenya leads the mission" {
		t.Errorf("recorded input %q", got)
	}
	models, err := c.ListModels(context.Background())
	if err != nil || len(models.Models) == 0 {
		t.Fatalf("models %+v, %v", models, err)
	}
	hr, err := http.Get(s.URL + "/models")
	if err != nil {
		t.Fatal(err)
	}
	defer hr.Body.Close()
	var body struct {
		Object string `json:"object"`
	}
	if err := json.NewDecoder(hr.Body).Decode(&body); err != nil || body.Object != "list" {
		t.Errorf("models body %+v, %v", body, err)
	}
}
