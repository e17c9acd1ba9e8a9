from fastapi import FastAPI

app = FastAPI(title="titanium-blog-service")


@app.get("/health")
def health():
    return {"status": "ok"}
