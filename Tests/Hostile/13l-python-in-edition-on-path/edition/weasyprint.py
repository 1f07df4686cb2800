# A module named like the PDF printer, in the edition folder the user builds from: if Python
# ever imports it, it leaves a mark beside the edition (the hostile case then fails).
import os

open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "RAN"), "w").write("ran\n")
