from fastapi import FastAPI

app = FastAPI(title="titanium-auth-service")


@app.get("/health")
def health():
    return {"status": "ok"}
