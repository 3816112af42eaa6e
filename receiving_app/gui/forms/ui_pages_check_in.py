# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pages_check_in.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QTableView, QVBoxLayout, QWidget

class Ui_CheckInPage(object):
    def setupUi(self, CheckInPage):
        if not CheckInPage.objectName():
            CheckInPage.setObjectName(u"CheckInPage")
        CheckInPage.resize(1180, 760)
        self.checkInLayout = QVBoxLayout(CheckInPage)
        self.checkInLayout.setObjectName(u"checkInLayout")
        self.answerFrame = QFrame(CheckInPage)
        self.answerFrame.setObjectName(u"answerFrame")
        self.answerLayout = QVBoxLayout(self.answerFrame)
        self.answerLayout.setObjectName(u"answerLayout")
        self.answerLabel = QLabel(self.answerFrame)
        self.answerLabel.setObjectName(u"answerLabel")
        self.answerLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.answerLabel.sizePolicy().hasHeightForWidth())
        self.answerLabel.setSizePolicy(sizePolicy)

        self.answerLayout.addWidget(self.answerLabel)

        self.answerDetailLabel = QLabel(self.answerFrame)
        self.answerDetailLabel.setObjectName(u"answerDetailLabel")
        self.answerDetailLabel.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.answerDetailLabel.sizePolicy().hasHeightForWidth())
        self.answerDetailLabel.setSizePolicy(sizePolicy)

        self.answerLayout.addWidget(self.answerDetailLabel)


        self.checkInLayout.addWidget(self.answerFrame)

        self.typedRow = QHBoxLayout()
        self.typedRow.setObjectName(u"typedRow")
        self.labelTitle = QLabel(CheckInPage)
        self.labelTitle.setObjectName(u"labelTitle")

        self.typedRow.addWidget(self.labelTitle)

        self.labelEdit = QLineEdit(CheckInPage)
        self.labelEdit.setObjectName(u"labelEdit")
        self.labelEdit.setClearButtonEnabled(True)

        self.typedRow.addWidget(self.labelEdit)

        self.checkInButton = QPushButton(CheckInPage)
        self.checkInButton.setObjectName(u"checkInButton")

        self.typedRow.addWidget(self.checkInButton)


        self.checkInLayout.addLayout(self.typedRow)

        self.countLabel = QLabel(CheckInPage)
        self.countLabel.setObjectName(u"countLabel")

        self.checkInLayout.addWidget(self.countLabel)

        self.parcelsTable = QTableView(CheckInPage)
        self.parcelsTable.setObjectName(u"parcelsTable")
        self.parcelsTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.parcelsTable.setAlternatingRowColors(True)
        self.parcelsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.parcelsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.parcelsTable.setTabKeyNavigation(False)
        self.parcelsTable.setWordWrap(False)

        self.checkInLayout.addWidget(self.parcelsTable)

        self.checkInLayout.setStretch(3, 1)
#if QT_CONFIG(shortcut)
        self.labelTitle.setBuddy(self.labelEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.labelEdit, self.checkInButton)
        QWidget.setTabOrder(self.checkInButton, self.parcelsTable)

        self.retranslateUi(CheckInPage)

        QMetaObject.connectSlotsByName(CheckInPage)
    # setupUi

    def retranslateUi(self, CheckInPage):
#if QT_CONFIG(accessibility)
        CheckInPage.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Check-in at the dock", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.answerFrame.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Answer to the last scan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.answerLabel.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Answer to the last scan", None))
#endif // QT_CONFIG(accessibility)
        self.answerLabel.setText(QCoreApplication.translate("CheckInPage", u"Ready: scan each parcel's label", None))
#if QT_CONFIG(accessibility)
        self.answerDetailLabel.setAccessibleName(QCoreApplication.translate("CheckInPage", u"What the last scan found", None))
#endif // QT_CONFIG(accessibility)
        self.answerDetailLabel.setText(QCoreApplication.translate("CheckInPage", u"One scan per parcel as it comes off the truck; the parcel stays closed.", None))
        self.labelTitle.setText(QCoreApplication.translate("CheckInPage", u"Label", None))
#if QT_CONFIG(accessibility)
        self.labelEdit.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Label typed by hand", None))
#endif // QT_CONFIG(accessibility)
        self.labelEdit.setPlaceholderText(QCoreApplication.translate("CheckInPage", u"a label the scanner cannot read, typed, then Enter", None))
#if QT_CONFIG(accessibility)
        self.checkInButton.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Check in the typed label", None))
#endif // QT_CONFIG(accessibility)
        self.checkInButton.setText(QCoreApplication.translate("CheckInPage", u"Check in", None))
#if QT_CONFIG(accessibility)
        self.countLabel.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Parcels checked in this session", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
#if QT_CONFIG(accessibility)
        self.parcelsTable.setAccessibleName(QCoreApplication.translate("CheckInPage", u"Parcels scanned this session, newest first", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

