from fastapi import FastAPI

app = FastAPI(title="titanium-user-service")


@app.get("/health")
def health():
    return {"status": "ok"}
