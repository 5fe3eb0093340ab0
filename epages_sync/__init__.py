"""epages-sync: keeps an ePages Beyond shop and Afosto in step, from a shop PC."""

__version__ = "0.1.0"
APP_NAME = "epages-sync"
