# The Streamlit app in a small image. Build: docker build -t icepick-advisor .
# Run:   docker run --rm -p 8501:8501 icepick-advisor   (then open http://localhost:8501)
# Several replicas need session affinity in front of them: see deploy/nginx.conf.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A numeric, non-root user: Kubernetes' runAsNonRoot can only verify a numeric USER.
RUN useradd --create-home --uid 10001 --user-group app

WORKDIR /app

# Dependencies first, so that editing the app does not reinstall them. The lock file holds
# the exact versions the tests ran with and their hashes (`make lock` writes it).
COPY requirements.lock .
RUN pip install --no-cache-dir --require-hashes -r requirements.lock

COPY app.py ./
COPY pages/ pages/
COPY ui/ ui/
COPY advisor/ advisor/
COPY data/ data/
COPY assets/ assets/
COPY .streamlit/ .streamlit/

USER 10001

EXPOSE 8501

# The slim image has no curl: ask Streamlit's health endpoint with Python itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "app.py", \
     "--server.address", "0.0.0.0", \
     "--server.port", "8501", \
     "--server.headless", "true"]
