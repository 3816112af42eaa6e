# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'rma_desk_match_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget

class Ui_MatchDialog(object):
    def setupUi(self, MatchDialog):
        if not MatchDialog.objectName():
            MatchDialog.setObjectName(u"MatchDialog")
        MatchDialog.resize(860, 560)
        self.matchLayout = QVBoxLayout(MatchDialog)
        self.matchLayout.setObjectName(u"matchLayout")
        self.explanationLabel = QLabel(MatchDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.matchLayout.addWidget(self.explanationLabel)

        self.matchSearchRow = QHBoxLayout()
        self.matchSearchRow.setObjectName(u"matchSearchRow")
        self.orderSearchLabel = QLabel(MatchDialog)
        self.orderSearchLabel.setObjectName(u"orderSearchLabel")

        self.matchSearchRow.addWidget(self.orderSearchLabel)

        self.orderSearchEdit = QLineEdit(MatchDialog)
        self.orderSearchEdit.setObjectName(u"orderSearchEdit")
        self.orderSearchEdit.setClearButtonEnabled(True)

        self.matchSearchRow.addWidget(self.orderSearchEdit)

        self.findButton = QPushButton(MatchDialog)
        self.findButton.setObjectName(u"findButton")
        self.findButton.setAutoDefault(False)

        self.matchSearchRow.addWidget(self.findButton)


        self.matchLayout.addLayout(self.matchSearchRow)

        self.ordersTable = QTableView(MatchDialog)
        self.ordersTable.setObjectName(u"ordersTable")
        self.ordersTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ordersTable.setAlternatingRowColors(True)
        self.ordersTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ordersTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ordersTable.setWordWrap(False)

        self.matchLayout.addWidget(self.ordersTable)

        self.orderLabel = QLabel(MatchDialog)
        self.orderLabel.setObjectName(u"orderLabel")
        self.orderLabel.setWordWrap(True)

        self.matchLayout.addWidget(self.orderLabel)

        self.matchGrid = QGridLayout()
        self.matchGrid.setObjectName(u"matchGrid")
        self.reasonLabel = QLabel(MatchDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.matchGrid.addWidget(self.reasonLabel, 0, 0, 1, 1)

        self.reasonCombo = QComboBox(MatchDialog)
        self.reasonCombo.setObjectName(u"reasonCombo")

        self.matchGrid.addWidget(self.reasonCombo, 0, 1, 1, 1)

        self.choiceLabel = QLabel(MatchDialog)
        self.choiceLabel.setObjectName(u"choiceLabel")

        self.matchGrid.addWidget(self.choiceLabel, 0, 2, 1, 1)

        self.choiceCombo = QComboBox(MatchDialog)
        self.choiceCombo.setObjectName(u"choiceCombo")

        self.matchGrid.addWidget(self.choiceCombo, 0, 3, 1, 1)

        self.matchGrid.setColumnStretch(1, 1)
        self.matchGrid.setColumnStretch(3, 1)

        self.matchLayout.addLayout(self.matchGrid)

        self.messageLabel = QLabel(MatchDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.matchLayout.addWidget(self.messageLabel)

        self.matchButtons = QHBoxLayout()
        self.matchButtons.setObjectName(u"matchButtons")
        self.matchButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.matchButtons.addItem(self.matchButtonsSpacer)

        self.matchButton = QPushButton(MatchDialog)
        self.matchButton.setObjectName(u"matchButton")
        self.matchButton.setAutoDefault(False)

        self.matchButtons.addWidget(self.matchButton)

        self.cancelButton = QPushButton(MatchDialog)
        self.cancelButton.setObjectName(u"cancelButton")
        self.cancelButton.setAutoDefault(False)

        self.matchButtons.addWidget(self.cancelButton)


        self.matchLayout.addLayout(self.matchButtons)

#if QT_CONFIG(shortcut)
        self.orderSearchLabel.setBuddy(self.orderSearchEdit)
        self.reasonLabel.setBuddy(self.reasonCombo)
        self.choiceLabel.setBuddy(self.choiceCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.orderSearchEdit, self.findButton)
        QWidget.setTabOrder(self.findButton, self.ordersTable)
        QWidget.setTabOrder(self.ordersTable, self.reasonCombo)
        QWidget.setTabOrder(self.reasonCombo, self.choiceCombo)
        QWidget.setTabOrder(self.choiceCombo, self.matchButton)
        QWidget.setTabOrder(self.matchButton, self.cancelButton)

        self.retranslateUi(MatchDialog)

        QMetaObject.connectSlotsByName(MatchDialog)
    # setupUi

    def retranslateUi(self, MatchDialog):
        MatchDialog.setWindowTitle(QCoreApplication.translate("MatchDialog", u"Match a return to an order", None))
        self.explanationLabel.setText("")
        self.orderSearchLabel.setText(QCoreApplication.translate("MatchDialog", u"&Order or customer", None))
#if QT_CONFIG(accessibility)
        self.orderSearchEdit.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Order number, customer account or name", None))
#endif // QT_CONFIG(accessibility)
        self.orderSearchEdit.setPlaceholderText(QCoreApplication.translate("MatchDialog", u"order number, account or name", None))
#if QT_CONFIG(accessibility)
        self.findButton.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Find orders", None))
#endif // QT_CONFIG(accessibility)
        self.findButton.setText(QCoreApplication.translate("MatchDialog", u"&Find", None))
#if QT_CONFIG(accessibility)
        self.ordersTable.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Orders found", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.orderLabel.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Order picked", None))
#endif // QT_CONFIG(accessibility)
        self.orderLabel.setText(QCoreApplication.translate("MatchDialog", u"Find the customer's order, then press Enter on it.", None))
        self.reasonLabel.setText(QCoreApplication.translate("MatchDialog", u"&Reason", None))
#if QT_CONFIG(accessibility)
        self.reasonCombo.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Reason for the return", None))
#endif // QT_CONFIG(accessibility)
        self.reasonCombo.setPlaceholderText(QCoreApplication.translate("MatchDialog", u"choose the reason", None))
        self.choiceLabel.setText(QCoreApplication.translate("MatchDialog", u"&Customer wants", None))
#if QT_CONFIG(accessibility)
        self.choiceCombo.setAccessibleName(QCoreApplication.translate("MatchDialog", u"What the customer wants", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.messageLabel.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Matching message", None))
#endif // QT_CONFIG(accessibility)
        self.messageLabel.setText("")
#if QT_CONFIG(accessibility)
        self.matchButton.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Match the return to the order picked", None))
#endif // QT_CONFIG(accessibility)
        self.matchButton.setText(QCoreApplication.translate("MatchDialog", u"&Match [Enter]", None))
#if QT_CONFIG(accessibility)
        self.cancelButton.setAccessibleName(QCoreApplication.translate("MatchDialog", u"Cancel", None))
#endif // QT_CONFIG(accessibility)
        self.cancelButton.setText(QCoreApplication.translate("MatchDialog", u"Cancel [Esc]", None))
    # retranslateUi

