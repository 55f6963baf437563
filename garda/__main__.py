from garda.cli import main

main()
